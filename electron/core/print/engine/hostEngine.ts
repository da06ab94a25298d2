import type { FontReport } from '../../../../shared/ipc/print';
import { AppError } from '../../errors';
import type { RenderReply, RenderRequest } from '../../host/protocol';
import type { PdfEngine } from '../types';

type Waiting = { resolve: (reply: RenderReply) => void; reject: (e: Error) => void };

/**
 * The core worker's engine under the desktop shell: each job is sent to the host (Electron's printToPDF in a hidden
 * window) and the answer comes back as a RenderReply. Jobs may overlap; each is matched by its number.
 */
export class HostEngine implements PdfEngine {
  private next = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly send: (request: RenderRequest) => void) {}

  /** Called by the worker for every RenderReply from the host. */
  answer(reply: RenderReply): void {
    const w = this.waiting.get(reply.render);
    this.waiting.delete(reply.render);
    w?.resolve(reply);
  }

  async pdf(html: string): Promise<Uint8Array> {
    const reply = await this.ask({ op: 'pdf', html });
    if (!reply.pdf) throw new AppError('INTERNAL', '打印程序没有返回 PDF');
    return reply.pdf;
  }

  async fonts(): Promise<FontReport> {
    const reply = await this.ask({ op: 'fonts' });
    if (!reply.fonts) throw new AppError('INTERNAL', '打印程序没有返回字体检查结果');
    return reply.fonts;
  }

  async close(): Promise<void> {
    for (const w of this.waiting.values()) w.reject(new AppError('INTERNAL', '程序正在关闭，打印已中止'));
    this.waiting.clear();
  }

  private async ask(
    request: { op: 'pdf'; html: string } | { op: 'fonts' },
  ): Promise<Extract<RenderReply, { ok: true }>> {
    const render = this.next++;
    const reply = await new Promise<RenderReply>((resolve, reject) => {
      this.waiting.set(render, { resolve, reject });
      this.send({ ...request, render });
    });
    if (!reply.ok) throw new AppError('INTERNAL', reply.message);
    return reply;
  }
}
