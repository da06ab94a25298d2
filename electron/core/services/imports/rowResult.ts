import type {
  ImportPreview,
  ImportPreviewRow,
  ImportProblem,
  ImportReport,
  RowAction,
} from '../../../../shared/ipc/imports';
import type { ImportField } from '../../../../shared/excel/importFields';
import type { CellValue } from '../../excel/read/types';

/** One cell given for a field, after the mapping and the clerk's overrides are applied. */
export interface GivenCell {
  field: ImportField;
  value: CellValue;
  /** The cell as the clerk sees it (cellText), worked out once. */
  text: string;
  /** The column's header as the clerk sees it (or the field's name for a value typed in the preview). */
  column: string;
}

/**
 * A data row as the planners see it: field key → what the file (or the clerk) gave for it, in column order (so a
 * row's problems are listed left to right), a value typed for an unmapped field last.
 */
export interface FieldRow {
  row: number;
  cells: ReadonlyMap<string, GivenCell>;
}

/** What one row comes to: its action, its problems (any makes it a rejection) and warnings, what it changes. */
export class RowResult {
  action: RowAction = 'add';
  name = '';
  readonly values: Record<string, string> = {};
  readonly problems: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  readonly changes: ImportPreviewRow['changes'] = [];

  constructor(readonly row: number) {}

  reject(column: string, value: string, reason: string): void {
    this.problems.push({ row: this.row, column, value, reason });
  }

  warn(column: string, value: string, reason: string): void {
    this.warnings.push({ row: this.row, column, value, reason });
  }

  get rejected(): boolean {
    return this.problems.length > 0;
  }

  preview(): ImportPreviewRow {
    return {
      row: this.row,
      action: this.rejected ? 'reject' : this.action,
      name: this.name,
      values: this.values,
      problems: this.problems,
      warnings: this.warnings,
      changes: this.changes,
    };
  }
}

/** Clean rows the preview shows after every row with a problem or a warning. */
const CLEAN_ROWS_SHOWN = 50;
/** Rows with problems kept for the preview: beyond this the file is hopeless and the clerk needs the pattern only. */
const PROBLEM_ROWS_SHOWN = 5000;

/**
 * Everything the rows come to, gathered as they are planned: the counts, the preview's rows, the areas and free
 * text the ledger does not know, and the report the command line prints.
 */
export class Tally {
  /** A commit reports counts and problems only: it keeps no preview rows. */
  constructor(private readonly keepRows = true) {}

  private readonly counts: ImportPreview['counts'] = { add: 0, update: 0, skip: 0, reject: 0, warned: 0 };
  private readonly shown: ImportPreviewRow[] = [];
  private cleanShown = 0;
  private truncated = false;
  private total = 0;
  private readonly rejected: ImportProblem[] = [];
  private readonly warnings: ImportProblem[] = [];
  private readonly areas = new Map<string, number>();
  private readonly freeText = new Map<string, ImportPreview['unknownValues'][number]>();

  add(result: RowResult): void {
    this.total++;
    const action = result.rejected ? 'reject' : result.action;
    this.counts[action]++;
    if (result.warnings.length > 0) this.counts.warned++;
    if (result.rejected) this.rejected.push(...result.problems);
    // A rejected row's warnings would only repeat what its rejection says must be fixed anyway.
    else this.warnings.push(...result.warnings);
    if (!this.keepRows) return;
    const notable = result.rejected || result.warnings.length > 0;
    if (notable ? this.shown.length - this.cleanShown < PROBLEM_ROWS_SHOWN : this.cleanShown < CLEAN_ROWS_SHOWN) {
      this.shown.push(result.preview());
      if (!notable) this.cleanShown++;
    } else this.truncated = true;
  }

  unknownArea(name: string): void {
    this.areas.set(name, (this.areas.get(name) ?? 0) + 1);
  }

  /** Free text read through synonyms (or kept as 其他 / in 备注): shown once per field and value with its count. */
  freeValue(field: string, label: string, value: string, mappedTo: string): void {
    const key = `${field}\u0000${value}`;
    const seen = this.freeText.get(key);
    if (seen) seen.rows++;
    else this.freeText.set(key, { field, label, value, mappedTo, rows: 1 });
  }

  preview(): ImportPreview {
    // Problems first, in row order, then the clean rows: what needs the clerk's eye comes first.
    const notable = this.shown.filter((r) => r.action === 'reject' || r.warnings.length > 0);
    const clean = this.shown.filter((r) => !(r.action === 'reject' || r.warnings.length > 0));
    return {
      totalRows: this.total,
      counts: { ...this.counts },
      rows: [...notable, ...clean],
      truncated: this.truncated,
      unknownAreas: [...this.areas].map(([name, rows]) => ({ name, rows })),
      unknownValues: [...this.freeText.values()],
    };
  }

  report(): ImportReport {
    return {
      added: this.counts.add,
      updated: this.counts.update,
      skipped: this.counts.skip,
      rejected: this.rejected,
      warnings: this.warnings,
    };
  }
}
