import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { columnLetter } from '../../shared/excel/cells';
import { normalizeHeader } from '../../shared/excel/guessMapping';
import { IMPORT_FIELDS, missingColumns } from '../../shared/excel/importFields';
import { IMPORT_KINDS, ON_MATCH, type ImportKind } from '../../shared/excel/kinds';
import type {
  ColumnMapping,
  HeaderRows,
  ImportLayout,
  ImportOpened,
  ImportProblem,
  ImportReport,
} from '../../shared/ipc/imports';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import type { CoreClient } from '../core/host/coreClient';
import { call, CliError, ledgerPassword, ledgerPath, printJson } from './io';

type Values = Record<string, string | boolean | undefined>;

/** A mapping file: the header rows (optional) and the columns, by header text or as the screen sends them. */
interface MappingFile {
  header?: HeaderRows;
  columns: Record<string, string> | { column: number | string; field: string }[];
}

/**
 * `yiqiyice import FILE --ledger LEDGER`: the import screen's steps without the screen — the header rows and the
 * mapping guessed (or the saved one for this layout, or the clerk's mapping file), every rule of domain.md §9, and
 * the good rows written in one step. It "ran" (exit 0) even with rows rejected; when it cannot run at all it exits
 * non-zero with the reason and the ledger is unchanged.
 */
export const importCommand = {
  help: '用法：yiqiyice import 文件.xlsx --ledger 台账.yqyc [--password-file 密码文件] [--kind enterprises|members|instructors|contacts|survey] [--sheet 工作表] [--mapping 映射.json] [--on-match skip|update] [--create-missing] [--json]',
  positional: 'file',
  options: {
    ledger: { type: 'string' },
    'password-file': { type: 'string' },
    kind: { type: 'string' },
    sheet: { type: 'string' },
    mapping: { type: 'string' },
    'on-match': { type: 'string' },
    'create-missing': { type: 'boolean' },
    json: { type: 'boolean' },
  } as const,
  async run(core: CoreClient, v: Values): Promise<void> {
    const file = typeof v.file === 'string' && v.file !== '' ? resolve(v.file) : null;
    if (!file)
      throw new CliError(
        '缺少要导入的文件，例如：yiqiyice import 企业台账.xlsx --ledger 台账.yqyc [--password-file 密码文件]',
        2,
      );
    const onMatch = choose(v['on-match'], ON_MATCH, '--on-match', 'skip');
    const askedKind = v.kind === undefined ? null : choose(v.kind, IMPORT_KINDS, '--kind');
    const mappingFile = v.mapping === undefined ? null : readMappingFile(v.mapping);
    if (!existsSync(file)) throw new CliError(`找不到要导入的文件：${file}`);
    const ledgerRef = await core.grant(ledgerPath(v.ledger, '--ledger'), 'open');
    await call<OpenLedger>(core, 'ledgers:openFile', { fileRef: ledgerRef, password: ledgerPassword(v) });

    const opened = await call<ImportOpened>(core, 'imports:open', { fileRef: await core.grant(file, 'import') });
    // A 调查表 this program wrote says so itself; anything else is a ledger unless the clerk says otherwise.
    const kind = askedKind ?? opened.detectedKind ?? 'enterprises';
    const sheet = pickSheet(opened, v.sheet);
    const header = mappingFile?.header ?? sheet.guessedHeader;
    if (!header) {
      throw new CliError(
        `工作表「${sheet.name}」中找不到表头（列标题行），未导入任何数据。请检查文件，或在映射文件中用 "header" 指定表头行`,
      );
    }
    const base = { sessionId: opened.sessionId, kind, sheet: sheet.name, header };
    const layout = await call<ImportLayout>(core, 'imports:columns', base);
    const mapping = mappingFile ? mappingFrom(mappingFile, layout, kind) : layout.mapping;
    const missing = missingColumns(kind, new Set(mapping.map((m) => m.field)));
    if (missing) throw new CliError(`${missing}（可用 --mapping 指定列对应关系），未导入任何数据`);

    const request = {
      ...base,
      mapping,
      onMatch,
      addAreas: [],
      addAllAreas: v['create-missing'] === true,
      overrides: [],
      mergeDuplicates: false,
    };
    const report = await call<ImportReport>(core, 'imports:commit', request);
    await call(core, 'imports:close', { sessionId: opened.sessionId });
    if (v.json) printJson(report);
    else printReport(report, kind, opened.fileName);
  },
};

function choose<K extends string>(
  raw: string | boolean | undefined,
  labels: Record<K, string>,
  flag: string,
  fallback?: K,
): K {
  if (raw === undefined && fallback !== undefined) return fallback;
  if (typeof raw === 'string' && Object.hasOwn(labels, raw)) return raw as K;
  throw new CliError(`${flag} 应为 ${Object.keys(labels).join('、')} 之一，实际为“${String(raw)}”`, 2);
}

function pickSheet(opened: ImportOpened, name: string | boolean | undefined) {
  if (typeof name === 'string') {
    const found = opened.sheets.find((s) => s.name === name);
    if (!found) {
      throw new CliError(`文件中没有名为「${name}」的工作表（有：${opened.sheets.map((s) => s.name).join('、')}）`, 2);
    }
    return found;
  }
  return opened.sheets.find((s) => s.guessedHeader) ?? opened.sheets[0]!;
}

function readMappingFile(raw: string | boolean): MappingFile {
  if (typeof raw !== 'string') throw new CliError('--mapping 应为映射文件（.json）的路径', 2);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(resolve(raw), 'utf8').replace(/^\ufeff/, ''));
  } catch (e) {
    const reason = e instanceof SyntaxError ? '不是有效的 JSON' : '无法读取';
    throw new CliError(`映射文件“${raw}”${reason}`, 2);
  }
  const m = parsed as Partial<MappingFile> | null;
  const columns = m?.columns;
  if (!m || typeof m !== 'object' || !columns || typeof columns !== 'object') {
    throw new CliError(
      '映射文件应为 {"columns": {"表头文字": "字段"}}，可选 "header": {"start": 行号, "end": 行号}',
      2,
    );
  }
  const h = m.header;
  if (
    h !== undefined &&
    !(Number.isInteger(h?.start) && Number.isInteger(h?.end) && h.start >= 1 && h.end >= h.start)
  ) {
    throw new CliError('映射文件中的 "header" 应为 {"start": 起始行号, "end": 结束行号}', 2);
  }
  return m as MappingFile;
}

/** The mapping file's columns (header text, letter or index) and fields (key or Chinese name) as the contract wants. */
function mappingFrom(file: MappingFile, layout: ImportLayout, kind: ImportKind): ColumnMapping[] {
  const entries = Array.isArray(file.columns)
    ? file.columns.map((c) => [c.column, c.field] as const)
    : Object.entries(file.columns);
  const fields = IMPORT_FIELDS[kind];
  return entries.map(([column, field]) => {
    const f = fields.find((x) => x.key === field || x.label === field);
    if (!f) {
      throw new CliError(`映射文件中的字段“${String(field)}”不是${IMPORT_KINDS[kind]}可导入的字段`, 2);
    }
    const index =
      typeof column === 'number'
        ? column
        : layout.columns.find(
            (c) => c.header === column || normalizeHeader(c.header) === normalizeHeader(column) || c.letter === column,
          )?.index;
    if (index === undefined || !layout.columns[index]) {
      throw new CliError(
        `映射文件中的列“${String(column)}”在表头中找不到（表头有：${layout.columns.map((c) => c.header || columnLetter(c.index)).join('、')}）`,
      );
    }
    return { column: index, field: f.key };
  });
}

function printReport(report: ImportReport, kind: ImportKind, fileName: string): void {
  const line = (p: ImportProblem) => `  第${p.row}行 ${p.column}${p.value ? `“${p.value}”` : ''}：${p.reason}\n`;
  process.stdout.write(
    `已导入${IMPORT_KINDS[kind]}（${fileName}）：新增 ${report.added}，更新 ${report.updated}，跳过 ${report.skipped}，未导入 ${new Set(report.rejected.map((p) => p.row)).size} 行\n`,
  );
  if (report.rejected.length > 0) process.stdout.write(`未导入的行：\n${report.rejected.map(line).join('')}`);
  if (report.warnings.length > 0) process.stdout.write(`提醒：\n${report.warnings.map(line).join('')}`);
}
