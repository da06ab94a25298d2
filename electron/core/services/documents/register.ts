import { DOC_KINDS } from '../../../../shared/documents/model';
import { formatDocNumber } from '../../../../shared/documents/number';
import { localDate } from '../../../../shared/domain/enterpriseRules';
import type { ReportModel } from '../../../../shared/excel/reportModel';
import type { ExportDone } from '../../../../shared/ipc/exports';
import type { NextNumber, RegisterEntry } from '../../../../shared/ipc/documents';
import type { CoreContext } from '../../app/context';
import { writeOutput } from '../../app/outputs';
import { highestSeq, takenNumbers, type TakenNumber } from '../../db/repos/documents';
import { getSettings } from '../../db/repos/settings';
import type { Db } from '../../db/open';
import { writeReport } from '../../excel/write/writeReport';
import { settingsDocCode } from './issue';

/** The number the next issue would take: one past the highest ever taken, so none is ever given twice. */
export function nextNumber(db: Db, code: string | undefined, year: number): NextNumber {
  const c = code ?? settingsDocCode(db);
  const seq = highestSeq(db, c, year) + 1;
  return { code: c, year, seq, number: formatDocNumber({ code: c, year, seq }) };
}

const VOIDED_BY_UNDO = '发文操作已撤销，文号作废不再使用';
const VOIDED_BY_DELETE = '公文已删除，文号作废不再使用';

function entryOf(code: string, year: number, seq: number, t: TakenNumber | undefined): RegisterEntry {
  const number = formatDocNumber({ code, year, seq });
  if (!t) {
    return {
      code,
      year,
      seq,
      number,
      state: 'gap',
      documentId: null,
      title: '',
      kind: null,
      date: null,
      issuedAt: null,
      actor: '',
      withdrawReason: '',
    };
  }
  const holds = t.heldNumber === number;
  const state = holds && t.status === 'issued' ? 'issued' : 'withdrawn';
  const reason =
    holds && t.status === 'withdrawn'
      ? (t.withdrawReason ?? '')
      : holds
        ? ''
        : t.documentId === null
          ? VOIDED_BY_DELETE
          : VOIDED_BY_UNDO;
  return {
    code,
    year,
    seq,
    number,
    state,
    documentId: t.documentId,
    title: t.title ?? '',
    kind: t.kind,
    date: t.date,
    issuedAt: holds ? t.issuedAt : t.takenAt,
    actor: t.actor,
    withdrawReason: reason,
  };
}

/**
 * 发文登记: every sequence from 1 to the highest taken for the 代字 and year. A number whose document was withdrawn
 * — or whose issue was undone, or whose draft was deleted after that — shows as 已撤回 with why; a sequence no
 * document of this ledger took (a clerk skipped it) shows as a gap.
 */
export function registerOf(db: Db, code: string | undefined, year: number): RegisterEntry[] {
  const c = code ?? settingsDocCode(db);
  const taken = new Map(takenNumbers(db, c, year).map((t) => [t.seq, t]));
  const highest = Math.max(0, ...taken.keys());
  const entries: RegisterEntry[] = [];
  for (let seq = 1; seq <= highest; seq++) entries.push(entryOf(c, year, seq, taken.get(seq)));
  return entries;
}

const STATE_LABELS: Record<RegisterEntry['state'], string> = { issued: '已发文', withdrawn: '已撤回', gap: '空号' };

/** The register as a workbook laid out like every report (title, 填报单位, borders, print settings). */
export function registerModel(
  db: Db,
  code: string | undefined,
  year: number,
  today: string,
  actor: string,
): ReportModel {
  const settings = getSettings(db);
  const c = code ?? settingsDocCode(db);
  const entries = registerOf(db, c, year);
  return {
    // The writer does not read `report`; the register is not one of the upward reports (shared/excel/kinds).
    report: 'register',
    sheetName: '发文登记簿',
    title: `发文登记簿（${c}〔${year}〕）`,
    unit: settings.committee,
    date: today,
    scope: '',
    header: ['number', 'state', 'kind', 'title', 'date', 'issuedAt', 'actor', 'note'],
    columns: [
      { key: 'number', header: '发文字号', width: 8, kind: 'text' },
      { key: 'state', header: '状态', width: 3, kind: 'text' },
      { key: 'kind', header: '文种', width: 2, kind: 'text' },
      { key: 'title', header: '标题', width: 24, kind: 'text' },
      { key: 'date', header: '成文日期', width: 5, kind: 'date' },
      { key: 'issuedAt', header: '登记日期', width: 5, kind: 'date' },
      { key: 'actor', header: '经办人', width: 3, kind: 'text' },
      { key: 'note', header: '备注', width: 10, kind: 'text' },
    ],
    rows: entries.map((e) => ({
      cells: [
        e.number,
        STATE_LABELS[e.state],
        e.kind ? DOC_KINDS[e.kind] : null,
        e.title || null,
        e.date,
        e.issuedAt ? localDate(new Date(e.issuedAt)) : null,
        e.actor || null,
        e.withdrawReason || null,
      ],
      alert: e.state === 'issued' ? undefined : [1],
    })),
    preparer: actor,
    reviewer: '',
  };
}

/** Writes the 发文登记簿 under a temporary name and puts it in place when complete (exports.ts does the same). */
export async function exportRegister(
  ctx: CoreContext,
  req: { code?: string; year: number; target?: string },
): Promise<ExportDone> {
  const { db } = ctx.requireLedger();
  const today = localDate(ctx.writer.now());
  const model = registerModel(db, req.code, req.year, today, ctx.writer.actor);
  const township = getSettings(db).township;
  const fileName = `${township}-发文登记簿-${model.title.replace(/^发文登记簿（|）$/g, '')}-${today}.xlsx`.replace(
    /[\\/:*?"<>|]/g,
    '_',
  );
  const { value: rows, download } = await writeOutput(ctx, req.target, (path) => writeReport(model, path));
  return { fileName, rows, download };
}
