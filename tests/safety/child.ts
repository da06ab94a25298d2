import { copyFileSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ImportLayout, ImportOpened, ImportReport } from '../../shared/ipc/imports';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { bulkArea, IMPORT_ROWS, importName, migrationFile, PLAN_CYCLE, type Ack, type Setup } from './kinds';

/**
 * The process the harness kills: `node --import tsx tests/safety/child.ts SETUP.json`. It opens the prepared ledger
 * through the core, as the app does, prints {"ready":true}, then repeats one kind of real work until SIGKILL comes,
 * printing one acknowledgement per operation that returned ok. Stdout is a pipe, and Node writes to pipes
 * synchronously on Linux, so a line the parent reads was written before the kill.
 */
const setup = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Setup;
const dir = dirname(setup.ledger);
const core = inProcessCore({ dataDir: join(dir, 'child-data'), actor: '断电测试' });

function say(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function call<T>(c: CoreClient, channel: string, payload: unknown): Promise<T> {
  const result = await c.invoke(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function openLedger(path: string): Promise<void> {
  await call(core, 'ledgers:openFile', { fileRef: await core.grant(path, 'open') });
}

async function importBatch(seq: number): Promise<Ack> {
  const path = join(dir, `批次${seq}.xlsx`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow(['企业名称', '所在村', '职工人数']);
  const names = Array.from({ length: IMPORT_ROWS }, (_, i) => importName(seq, i + 1));
  names.forEach((name, i) => ws.addRow([name, setup.areaName, 10 + i]));
  await wb.xlsx.writeFile(path);
  const opened = await call<ImportOpened>(core, 'imports:open', { fileRef: await core.grant(path, 'import') });
  const sheet = opened.sheets[0]!.name;
  const header = { start: 1, end: 1 };
  const layout = await call<ImportLayout>(core, 'imports:columns', {
    sessionId: opened.sessionId,
    kind: 'enterprises',
    sheet,
    header,
  });
  const fields: Record<string, string> = { 企业名称: 'name', 所在村: 'areaId', 职工人数: 'employees' };
  const mapping = layout.columns.map((c) => ({ column: c.index, field: fields[c.header]! }));
  const report = await call<ImportReport>(core, 'imports:commit', {
    sessionId: opened.sessionId,
    kind: 'enterprises',
    sheet,
    header,
    mapping,
    onMatch: 'skip',
    addAreas: [],
    overrides: [],
    mergeDuplicates: false,
  });
  // An import that added fewer rows than written would make the all-or-none check meaningless: stop loudly.
  if (report.added !== IMPORT_ROWS) throw new Error(`导入只新增了${report.added}行：${JSON.stringify(report)}`);
  return { op: 'import', seq, names };
}

async function bulkEdit(seq: number): Promise<Ack> {
  const areaId = bulkArea(setup.areaIds, seq);
  await call(core, 'enterprises:bulkUpdate', { ids: setup.enterpriseIds, patch: { areaId } });
  return { op: 'bulk', seq, areaId };
}

/** A change, then 立即备份: the backup must hold the change, and a backup cut off must not pass for a good one. */
async function backup(seq: number): Promise<Ack> {
  const { areaId } = (await bulkEdit(seq)) as { areaId: number };
  const made = await call<{ file: string }>(core, 'backups:create', {});
  return { op: 'backup', seq, areaId, file: basename(made.file) };
}

async function planStep(seq: number): Promise<Ack> {
  const step = PLAN_CYCLE[(seq - 1) % PLAN_CYCLE.length]!;
  const more = step.action === 'shelve' ? { reason: '企业停产整顿，暂缓组建' } : {};
  await call(core, 'plans:transition', { id: setup.planId, action: step.action, ...more });
  return { op: 'plan', seq, status: step.to };
}

/** A fresh copy of the old ledger under a temporary name, renamed into place, then opened (and so migrated). */
async function migration(seq: number): Promise<Ack> {
  const file = migrationFile(seq);
  const target = join(dir, file);
  copyFileSync(setup.oldLedger, `${target}.part`);
  renameSync(`${target}.part`, target);
  await openLedger(target);
  await call(core, 'ledgers:close', {});
  return { op: 'migration', seq, file };
}

const OPS = { import: importBatch, bulk: bulkEdit, plan: planStep, backup, migration } as const;

async function main(): Promise<void> {
  if (setup.kind !== 'migration') await openLedger(setup.ledger);
  say({ ready: true });
  for (let seq = 1; ; seq++) say({ ack: await OPS[setup.kind](seq) });
}

main().catch((e: unknown) => {
  process.stderr.write(`断电测试子进程出错：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(2);
});
