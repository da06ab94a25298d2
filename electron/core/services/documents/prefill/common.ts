import { printedByOf, type LedgerSettings } from '../../../../../shared/domain/ledger';
import { contactNote } from '../../../../../shared/documents/contactNote';
import type { AttachmentTable, DocKind, GongwenContent } from '../../../../../shared/documents/model';
import { isRowSource, type CellValue, type ReportModel } from '../../../../../shared/excel/reportModel';
import type { Db } from '../../../db/open';
import type { ReportInput } from '../../../reports/context';

/** 本机设置's 联系人 and 联系电话 (this PC's, not the ledger's); blank when not set. */
export interface DocContact {
  name: string;
  tel: string;
}

/** What a builder is given: the ledger, its settings, the clerk's calendar day and this PC's contact. */
export interface PrefillContext {
  db: Db;
  settings: LedgerSettings;
  today: string;
  contact?: DocContact;
}

export interface Prefilled {
  content: GongwenContent;
  enterpriseId: number | null;
  planId: number | null;
  campaignId: number | null;
}

/**
 * The parts every document takes from the settings: 版头, 署名, 版记, dated today and to be sealed; the 附注 names
 * this PC's contact when the kind carries one.
 */
export function frame(ctx: PrefillContext, kind: DocKind): GongwenContent {
  const { settings, today } = ctx;
  return {
    kind,
    urgency: 'none',
    banner: settings.docBanner,
    signer: '',
    title: '',
    addressees: '',
    body: '',
    attachments: [],
    issuer: settings.committee,
    date: today,
    sealed: true,
    note: ctx.contact ? contactNote(kind, ctx.contact) : '',
    cc: '',
    printedBy: printedByOf(settings),
    printedOn: today,
  };
}

/**
 * A report builder's input for a document's attachment: masked (a 公文 goes out on paper, so phones never print in
 * full) and narrowed to an area when the clerk chose one — the same rows the Excel report would hold.
 */
export function attachmentReportInput(
  ctx: PrefillContext,
  areaId: number | null,
  areaName: string | null,
): ReportInput {
  return {
    db: ctx.db,
    today: ctx.today,
    settings: ctx.settings,
    unmask: false,
    scope: { areaId, workGroupId: null, text: areaName ? `范围：${areaName}` : '', name: areaName },
    year: Number(ctx.today.slice(0, 4)),
    campaignId: null,
    preparer: '',
    reviewer: '',
  };
}

/** One column of an attachment table: its title, its width and how its cell comes from a report row. */
export interface PickedColumn {
  title: string;
  width: number;
  /** A report column's key, SEQ for 序号 counted here, or a function of the row's cells by key. */
  from: string | ((cell: (key: string) => CellValue) => CellValue);
}

/** 序号 numbered by the attachment itself: some reports leave it to the sheet. */
export const SEQ = '#';

const text = (v: CellValue) => (v === null ? '' : String(v));

/** The attachment as a table of a few of a report's columns, its rows in the report's order. */
export function tableFromReport(model: ReportModel, picks: readonly PickedColumn[]): AttachmentTable {
  const index = new Map(model.columns.map((c, i) => [c.key, i]));
  const at = (key: string) => {
    const i = index.get(key);
    if (i === undefined) throw new Error(`report ${model.report} has no column ${key}`);
    return i;
  };
  const rows: string[][] = [];
  const chunks = isRowSource(model.rows) ? model.rows.chunks() : [model.rows];
  for (const chunk of chunks) {
    for (const row of chunk) {
      const cell = (key: string) => row.cells[at(key)] ?? null;
      const n = rows.length + 1;
      rows.push(
        picks.map((p) => (p.from === SEQ ? String(n) : text(typeof p.from === 'string' ? cell(p.from) : p.from(cell)))),
      );
    }
  }
  return { columns: picks.map((p) => ({ title: p.title, width: p.width })), rows };
}

export function areaNameOf(db: Db, areaId: number | null): string | null {
  if (areaId === null) return null;
  const name = db.prepare('SELECT name FROM areas WHERE id = ?').pluck().get(areaId) as string | undefined;
  return name ?? null;
}
