import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Lookups } from '../../shared/domain/lookups';
import { formatDocNumber, parseDocNumber } from '../../shared/documents/number';
import type { DocumentRow, DraftRequest } from '../../shared/ipc/documents';
import type { EnterprisePage } from '../../shared/ipc/enterprises';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import type { Page } from '../../shared/ipc/fields';
import type { PrintDone } from '../../shared/ipc/print';
import type { CoreClient } from '../core/host/coreClient';
import { explicitBrowser } from '../core/print/engine/discovery';
import { campaignNamed } from './plansCommand';
import { call, CliError, ledgerPassword, ledgerPath, printJson } from './io';

type Values = Record<string, string | boolean | undefined>;
type Format = 'pdf' | 'docx';

const KINDS = {
  'campaign-notice': '专项行动通知',
  'instructor-notice': '选派党建工作指导员的通知',
  approval: '成立党组织的批复',
  document: '已发公文',
  'ledger-cards': '企业台账卡',
} as const;
type Kind = keyof typeof KINDS;

const KIND_LIST = Object.entries(KINDS)
  .map(([id, name]) => `${id}（${name}）`)
  .join('、');

/** What gets printed: a stored document, a pre-filled one (unnumbered, not saved) or the ledger cards of an area. */
type Printable = { documentId: number } | { draft: DraftRequest } | { cards: { areaId: number | null } };

/**
 * `yiqiyice print KIND --ledger FILE --out FILE`: the same HTML and the same engine as the screen's print preview,
 * to PDF (or, for a stored document, .docx). The ledger is opened read-only: printing never changes it.
 */
export const printCommand = {
  help:
    '用法：yiqiyice print 类型 --ledger 文件.yqyc [--password-file 密码文件] --out 文件.pdf [--format pdf|docx] [--browser 浏览器程序] [--json]\n' +
    '      [--campaign 专项行动名称] [--enterprise 统一社会信用代码] [--number 发文字号] [--area 区域名称]\n' +
    `      类型：${KIND_LIST}`,
  positional: 'kind',
  options: {
    ledger: { type: 'string' },
    'password-file': { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    browser: { type: 'string' },
    campaign: { type: 'string' },
    enterprise: { type: 'string' },
    number: { type: 'string' },
    area: { type: 'string' },
    json: { type: 'boolean' },
  } as const,
  async run(core: CoreClient, v: Values): Promise<void> {
    const kind = kindOf(v.kind);
    const format = formatOf(v.format, kind);
    const out = outPath(v.out, format);
    const restoreBrowser = useBrowser(v.browser);
    try {
      const fileRef = await core.grant(ledgerPath(v.ledger, '--ledger'), 'open');
      await call<OpenLedger>(core, 'ledgers:openFile', { fileRef, readOnly: true, password: ledgerPassword(v) });
      const what = await printableOf(core, kind, v);
      const target = await core.grant(out, 'export');
      const done =
        format === 'docx'
          ? await call<PrintDone>(core, 'print:docx', { ...docxOf(what), target })
          : await call<PrintDone>(core, 'print:pdf', { what: targetOf(what), target });
      report(done, out, format, v.json === true);
    } finally {
      restoreBrowser();
    }
  },
};

function report(done: PrintDone, out: string, format: Format, json: boolean): void {
  if (json) {
    printJson({ file: out, pages: done.pages, format });
    // The font warnings still reach the clerk, but never on stdout, which holds the JSON alone.
    for (const w of done.warnings) process.stderr.write(`注意：${w}\n`);
    return;
  }
  const pages = format === 'pdf' ? `，共 ${done.pages} 页` : '';
  process.stdout.write(`已输出“${done.fileName}”：${out}${pages}\n`);
  for (const w of done.warnings) process.stdout.write(`注意：${w}\n`);
}

/** Ledger cards never come here: formatOf refuses them as .docx before anything is opened. */
function docxOf(what: Printable): { id: number } | { draft: unknown } {
  if ('documentId' in what) return { id: what.documentId };
  if ('draft' in what) return { draft: what.draft };
  throw new CliError('企业台账卡只能打印为 PDF（--format docx 仅用于公文）', 2);
}

function targetOf(what: Printable): unknown {
  if ('documentId' in what) return { kind: 'documents', ids: [what.documentId] };
  if ('draft' in what) return { kind: 'prefill', draft: what.draft };
  return { kind: 'ledger-cards', areaId: what.cards.areaId };
}

async function printableOf(core: CoreClient, kind: Kind, v: Values): Promise<Printable> {
  switch (kind) {
    case 'campaign-notice': {
      const campaignId = v.campaign === undefined ? null : await campaignNamed(core, v.campaign);
      return { draft: { source: 'campaign-notice', campaignId, enterpriseId: null, areaId: null } };
    }
    case 'instructor-notice':
      return { draft: { source: 'instructor-notice', campaignId: null, enterpriseId: null, areaId: null } };
    case 'approval': {
      const enterpriseId = await enterpriseByUscc(core, v.enterprise);
      const docs = await call<DocumentRow[]>(core, 'documents:forEnterprise', { enterpriseId });
      // The 批复 already issued for this enterprise, newest first; otherwise the pre-filled one, unnumbered.
      const issued = docs.find((d) => d.kind === 'reply' && d.status === 'issued');
      if (issued) return { documentId: issued.id };
      return { draft: { source: 'approval', enterpriseId, campaignId: null, areaId: null } };
    }
    case 'document':
      return { documentId: await documentByNumber(core, v.number) };
    case 'ledger-cards': {
      if (v.area === undefined) return { cards: { areaId: null } };
      return { cards: { areaId: await areaNamed(core, v.area) } };
    }
  }
}

function kindOf(raw: string | boolean | undefined): Kind {
  if (typeof raw !== 'string' || raw === '') throw new CliError(`请指定要打印的内容：${KIND_LIST}`, 2);
  if (!Object.hasOwn(KINDS, raw)) throw new CliError(`未知的打印内容“${raw}”，可选：${KIND_LIST}`, 2);
  return raw as Kind;
}

function formatOf(raw: string | boolean | undefined, kind: Kind): Format {
  if (raw === undefined) return 'pdf';
  if (raw !== 'pdf' && raw !== 'docx') throw new CliError(`--format 应为 pdf 或 docx，实际为“${String(raw)}”`, 2);
  if (raw === 'docx' && kind === 'ledger-cards') {
    throw new CliError('企业台账卡只能打印为 PDF（--format docx 仅用于公文）', 2);
  }
  return raw;
}

function outPath(raw: string | boolean | undefined, format: Format): string {
  if (typeof raw !== 'string' || raw.trim() === '')
    throw new CliError(`缺少 --out 参数（输出的 .${format} 文件路径）`, 2);
  if (extname(raw).toLowerCase() !== `.${format}`) throw new CliError(`--out 应为 .${format} 文件，实际为“${raw}”`, 2);
  const path = resolve(raw);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CliError(`--out 所在的文件夹“${folder}”不存在`, 2);
  }
  return path;
}

/**
 * --browser names the browser to print with, for this run only. The core reads it as YIQIYICE_BROWSER (the worker
 * shares this process's environment); the previous value comes back afterwards.
 */
function useBrowser(raw: string | boolean | undefined): () => void {
  if (raw === undefined) return () => undefined;
  if (typeof raw !== 'string' || raw.trim() === '') throw new CliError('--browser 应为浏览器程序的路径', 2);
  let path: string;
  try {
    path = explicitBrowser(resolve(raw)).path;
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e), 2);
  }
  const previous = process.env.YIQIYICE_BROWSER;
  process.env.YIQIYICE_BROWSER = path;
  return () => {
    if (previous === undefined) delete process.env.YIQIYICE_BROWSER;
    else process.env.YIQIYICE_BROWSER = previous;
  };
}

async function enterpriseByUscc(core: CoreClient, raw: string | boolean | undefined): Promise<number> {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new CliError('请用 --enterprise 指明企业的统一社会信用代码', 2);
  }
  const uscc = raw.trim().toUpperCase();
  const page = await call<EnterprisePage>(core, 'enterprises:list', { query: { search: uscc }, offset: 0, limit: 50 });
  const found = page.rows.find((r) => r.uscc?.toUpperCase() === uscc);
  if (!found) throw new CliError(`台账中没有统一社会信用代码为“${uscc}”的企业`);
  return found.id;
}

async function documentByNumber(core: CoreClient, raw: string | boolean | undefined): Promise<number> {
  if (typeof raw !== 'string' || raw.trim() === '')
    throw new CliError('请用 --number 指明发文字号，如“长委〔2026〕3号”', 2);
  const wanted = parseDocNumber(raw);
  if (!wanted) throw new CliError(`“${raw}”不是有效的发文字号，应如“长委〔2026〕3号”`, 2);
  const number = formatDocNumber(wanted);
  for (let offset = 0; ; offset += 500) {
    const page = await call<Page<DocumentRow>>(core, 'documents:list', { offset, limit: 500 });
    const hit = page.rows.find((d) => d.number !== null && d.number === number);
    if (hit) return hit.id;
    if (page.rows.length < 500) break;
  }
  throw new CliError(`台账中没有发文字号为“${number}”的公文`);
}

async function areaNamed(core: CoreClient, raw: string | boolean): Promise<number> {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name === '') throw new CliError('--area 应为区域名称', 2);
  const lookups = await call<Lookups>(core, 'settings:lookups', {});
  const found = lookups.areas.find((a) => a.name === name);
  if (!found) {
    const known = lookups.areas.map((a) => `“${a.name}”`).join('、');
    throw new CliError(`台账中没有名为“${name}”的区域${known ? `；现有：${known}` : ''}`);
  }
  return found.id;
}
