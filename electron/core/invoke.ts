import { contract, isChannel, validationError, type Result } from '../../shared/ipc';
import type { CoreContext } from './app/context';
import { AppError } from './errors';
import { handlers } from './handlers';

export type InternalErrorReporter = (channel: string, error: unknown) => void;

/**
 * The single entrance to the core for every shell: checks the channel, parses the payload with its schema
 * (callers are untrusted), runs the handler and turns every outcome into a Result with a Chinese message.
 */
export async function invoke(
  ctx: CoreContext,
  channel: unknown,
  payload: unknown,
  reportInternal: InternalErrorReporter = defaultReporter,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '不支持的操作' } };
  }
  // Only a missing payload stands for {}: a null (JSON `null`) is a malformed request, refused like any other —
  // treating it as {} once let `null` close the ledger or create a sample ledger.
  const parsed = contract[channel].request.safeParse(payload === undefined ? {} : payload);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error, contract[channel].labels) };
  try {
    const handler = handlers[channel] as (ctx: CoreContext, req: unknown) => unknown;
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (e) {
    if (e instanceof AppError) {
      return {
        ok: false,
        error: e.field ? { code: e.code, message: e.message, field: e.field } : { code: e.code, message: e.message },
      };
    }
    reportInternal(channel, e);
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: '程序内部错误，操作未完成，数据未被修改。请重试；如仍出错，请联系技术支持。',
      },
    };
  }
}

function defaultReporter(channel: string, error: unknown): void {
  console.error(`[core] ${channel} failed:`, error);
}
