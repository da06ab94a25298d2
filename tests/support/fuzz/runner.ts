import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../../shared/ipc';
import type { ImportLayout, ImportOpened, ImportReport } from '../../../shared/ipc/imports';
import type { CoreClient } from '../../../electron/core/host/coreClient';
import { generateInputs, type FuzzInput } from './generator';
import { ledgerDigest, type LedgerDigest } from './ledgerDigest';
import { coreAnswers, openSampleCore } from './sampleCore';

/**
 * Runs the fuzz inputs against a real sample ledger opened through the core, as the shells call it. An input
 * survives when afterwards the core still answers, nothing leaked onto Object.prototype, a refusal came with a
 * Chinese message (never 程序内部错误), and the ledger is unchanged record for record — except that a spreadsheet
 * the import could read may save its column mapping (import_mappings), as a clerk's import does.
 */
export interface FuzzOutcome {
  label: string;
  kind: FuzzInput['kind'];
  /** Where it was stopped (the error code), or 'accepted'. */
  outcome: string;
  survived: boolean;
  problems: string[];
}

export interface FuzzFigures {
  inputs: number;
  survived: number;
  rejected: number;
  /** Inputs the core accepted: reads of well-shaped requests, spreadsheets read whole (their rows rejected). */
  accepted: string[];
  codes: Record<string, number>;
  failures: FuzzOutcome[];
}

const CHINESE = /[\u4e00-\u9fff]/;

export async function runFuzz(options: {
  seed: number;
  count: number;
  workDir: string;
  onInput?: (o: FuzzOutcome, i: number) => void;
}): Promise<FuzzFigures> {
  mkdirSync(options.workDir, { recursive: true });
  const { core, ledgerPath } = await openSampleCore(join(options.workDir, 'data'));
  const sheets = join(options.workDir, 'sheets');
  mkdirSync(sheets, { recursive: true });
  const figures: FuzzFigures = { inputs: 0, survived: 0, rejected: 0, accepted: [], codes: {}, failures: [] };
  try {
    let baseline = ledgerDigest(ledgerPath);
    const inputs = generateInputs(options.seed, options.count);
    for (const [i, input] of inputs.entries()) {
      const o = await runOne(core, input, sheets);
      const after = ledgerDigest(ledgerPath);
      const allowed = o.outcome === 'accepted' && input.kind === 'sheet' ? ['import_mappings'] : [];
      const changed = changedTables(baseline, after).filter((t) => !allowed.includes(t));
      if (changed.length > 0) o.problems.push(`台账被修改：${changed.join('、')}`);
      if (!(await coreAnswers(core))) o.problems.push('之后核心不再应答');
      if (prototypePolluted()) o.problems.push('Object.prototype 被污染');
      o.survived = o.problems.length === 0;
      baseline = after;
      figures.inputs++;
      if (o.survived) figures.survived++;
      else figures.failures.push(o);
      if (o.outcome === 'accepted')
        figures.accepted.push(`${input.kind === 'payload' ? input.channel : '导入'} ${o.label}`);
      else figures.rejected++;
      figures.codes[o.outcome] = (figures.codes[o.outcome] ?? 0) + 1;
      options.onInput?.(o, i);
    }
  } finally {
    await core.close();
    rmSync(sheets, { recursive: true, force: true });
  }
  return figures;
}

async function runOne(core: CoreClient, input: FuzzInput, sheets: string): Promise<FuzzOutcome> {
  const o: FuzzOutcome = { label: input.label, kind: input.kind, outcome: 'accepted', survived: false, problems: [] };
  const refused = (r: Result<unknown>): boolean => {
    if (r.ok) return false;
    o.outcome = r.error.code;
    if (!CHINESE.test(r.error.message)) o.problems.push(`拒绝信息不是中文：${r.error.message}`);
    if (r.error.code === 'INTERNAL') o.problems.push(`程序内部错误（应当在校验时拒绝）`);
    return true;
  };
  try {
    if (input.kind === 'payload') {
      refused(await core.invoke(input.channel, input.payload));
      return o;
    }
    await importAsTheScreenDoes(core, input, sheets, refused);
  } catch (e) {
    o.outcome = 'THROWN';
    o.problems.push(`调用抛出异常：${e instanceof Error ? e.message : String(e)}`);
  }
  return o;
}

/** Upload (a granted file), open, columns under the guessed header, preview, commit — stopping at the first refusal. */
async function importAsTheScreenDoes(
  core: CoreClient,
  input: Extract<FuzzInput, { kind: 'sheet' }>,
  sheets: string,
  refused: (r: Result<unknown>) => boolean,
): Promise<void> {
  const path = join(sheets, input.fileName);
  await input.write(path);
  const opened = await core.invoke('imports:open', { fileRef: await core.grant(path, 'import') });
  if (refused(opened)) return;
  const { sessionId, sheets: found } = (opened as { value: ImportOpened }).value;
  try {
    const sheet = found[0];
    if (!sheet) return;
    const plan = {
      sessionId,
      kind: 'enterprises',
      sheet: sheet.name,
      header: sheet.guessedHeader ?? { start: 1, end: 1 },
    };
    const layout = await core.invoke('imports:columns', plan);
    if (refused(layout)) return;
    const request = {
      ...plan,
      mapping: (layout as { value: ImportLayout }).value.mapping,
      onMatch: 'skip',
      addAreas: [],
    };
    if (refused(await core.invoke('imports:preview', request))) return;
    const committed = await core.invoke('imports:commit', request);
    if (refused(committed)) return;
    const report = (committed as { value: ImportReport }).value;
    // The rows name an area the ledger lacks: a file read whole must have every row rejected.
    if (report.added + report.updated > 0) throw new Error(`导入了 ${report.added + report.updated} 行（应全部拒绝）`);
  } finally {
    await core.invoke('imports:close', { sessionId });
  }
}

function changedTables(a: LedgerDigest, b: LedgerDigest): string[] {
  const names = new Set([...Object.keys(a.tables), ...Object.keys(b.tables)]);
  const changed = [...names].filter((n) => a.tables[n] !== b.tables[n]);
  if (a.changeLogLength !== b.changeLogLength && !changed.includes('change_log')) changed.push('change_log');
  return changed.sort();
}

function prototypePolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return 'polluted' in probe || Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted');
}
