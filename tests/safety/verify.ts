import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import type { OpenLedger } from '../../shared/ipc/ledgers';
import { bulkArea, IMPORT_ROWS, importPattern, planStatusAfter, type Ack, type Setup } from './kinds';
import { OLD_ENTERPRISES, withBackupDir } from './prepare';

/**
 * After the kill: opens each ledger the child wrote (which replays or discards the WAL as SQLite does on the next
 * start) and checks what a clerk relies on — integrity_check is ok, every acknowledged change is there, the one
 * operation that may have been cut off is either wholly there or wholly absent — and that the app opens it again.
 * Returns the problems found, in Chinese; none means the trial survived.
 */
export async function verifyTrial(setup: Setup, acks: Ack[], dir: string): Promise<string[]> {
  const ledgers =
    setup.kind === 'migration'
      ? readdirSync(dir)
          .filter((f) => /^升级\d+\.yqyc$/.test(f))
          .map((f) => join(dir, f))
      : [setup.ledger];
  const problems: string[] = [];
  for (const path of ledgers) {
    const db = openDatabase(path);
    try {
      const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
      if (integrity.join() !== 'ok') problems.push(`${path}：完整性检查未通过：${integrity.slice(0, 3).join('；')}`);
      else problems.push(...checkContents(db, setup, acks, path));
    } finally {
      db.close();
    }
    problems.push(...(await reopens(path, dir)));
  }
  if (setup.kind === 'backup') problems.push(...checkBackups(setup, acks, join(dir, 'backups')));
  if (setup.kind === 'migration') {
    for (const a of acks) {
      if (a.op === 'migration' && !existsSync(join(dir, a.file))) problems.push(`已确认升级的${a.file}不见了`);
    }
  }
  return problems;
}

function lastSeq(acks: Ack[]): number {
  return acks.length ? acks[acks.length - 1]!.seq : 0;
}

function checkContents(db: Db, setup: Setup, acks: Ack[], path: string): string[] {
  const done = lastSeq(acks);
  switch (setup.kind) {
    case 'import': {
      const count = db.prepare('SELECT count(*) FROM enterprises WHERE name LIKE ?').pluck();
      const problems: string[] = [];
      // Every acknowledged batch, plus the one that may have been in flight, plus one beyond that must be absent.
      for (let seq = 1; seq <= done + 2; seq++) {
        const n = count.get(importPattern(seq)) as number;
        const allowed = seq <= done ? [IMPORT_ROWS] : seq === done + 1 ? [0, IMPORT_ROWS] : [0];
        if (!allowed.includes(n)) {
          problems.push(`导入批次${seq}有${n}行（应为${allowed.join('或')}行）${seq <= done ? '，该批次已确认' : ''}`);
        }
      }
      return problems;
    }
    case 'bulk':
    case 'backup':
      return checkOneArea(db, setup, [bulkArea(setup.areaIds, done), bulkArea(setup.areaIds, done + 1)], '台账');
    case 'plan': {
      const status = db.prepare('SELECT status FROM plans WHERE id = ?').pluck().get(setup.planId) as string;
      const allowed = [planStatusAfter(done), planStatusAfter(done + 1)];
      return allowed.includes(status as never)
        ? []
        : [`方案状态为${status}，已确认的第${done}步之后应为${allowed.join('或')}`];
    }
    case 'migration': {
      const file = path.slice(path.lastIndexOf('/') + 1);
      const acked = acks.some((a) => a.op === 'migration' && a.file === file);
      const version = db.pragma('user_version', { simple: true }) as number;
      const problems: string[] = [];
      if (version < 3 || version > LATEST_SCHEMA_VERSION || (acked && version !== LATEST_SCHEMA_VERSION)) {
        problems.push(`${file}的结构版本为${version}${acked ? '，但升级已确认' : ''}`);
      }
      const names = db.prepare('SELECT name FROM enterprises ORDER BY id').pluck().all();
      if (JSON.stringify(names) !== JSON.stringify(OLD_ENTERPRISES)) {
        problems.push(`${file}的企业变成了${JSON.stringify(names)}`);
      }
      return problems;
    }
  }
}

/** Every enterprise of the setup in one area, and that one of `allowed`: a bulk edit is all or nothing. */
function checkOneArea(db: Db, setup: Setup, allowed: number[], what: string): string[] {
  const placed = db
    .prepare(
      `SELECT area_id AS area, count(*) AS n FROM enterprises WHERE id IN (${setup.enterpriseIds.join(',')})
      GROUP BY area_id`,
    )
    .all() as { area: number; n: number }[];
  if (placed.length !== 1) return [`${what}中的批量修改只做了一半：企业分布在${placed.length}个区域`];
  if (placed[0]!.n !== setup.enterpriseIds.length) return [`${what}中的企业数为${placed[0]!.n}`];
  if (!allowed.includes(placed[0]!.area)) {
    return [`${what}中企业所在区域为${placed[0]!.area}，按已确认的修改应为${allowed.join('或')}`];
  }
  return [];
}

/**
 * The backup folder after the kill: every file under a backup's name is a whole, consistent ledger (a copy cut off
 * must never pass for a backup), and the last acknowledged backup is there holding its change. Temporary files a
 * kill leaves behind are allowed: they are not listed or offered for restore.
 */
function checkBackups(setup: Setup, acks: Ack[], folder: string): string[] {
  const problems: string[] = [];
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.yqyc')) : [];
  const last = acks.filter((a) => a.op === 'backup').at(-1);
  if (last && !files.includes(last.file)) problems.push(`已确认的备份${last.file}不在备份文件夹中`);
  for (const file of files) {
    const db = new Database(join(folder, file), { readonly: true, fileMustExist: true });
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`备份${file}完整性检查未通过：${String(integrity)}`);
      else if (last && file === last.file) problems.push(...checkOneArea(db, setup, [last.areaId], `备份${file}`));
      else problems.push(...checkOneArea(db, setup, setup.areaIds, `备份${file}`));
    } finally {
      db.close();
    }
  }
  return problems;
}

/** The app itself opens the ledger again, writable, and (for an old one) finishes migrating it. */
function reopens(path: string, dir: string): Promise<string[]> {
  return withBackupDir(join(dir, 'verify-backups'), () => reopen(path, dir));
}

async function reopen(path: string, dir: string): Promise<string[]> {
  const core = inProcessCore({ dataDir: join(dir, 'verify-data'), actor: '断电测试' });
  try {
    const result = await core.invoke('ledgers:openFile', { fileRef: await core.grant(path, 'open') });
    if (!result.ok) return [`重新打开${path}失败：${result.error.message}`];
    const open = result.value as OpenLedger & { damaged?: unknown };
    if (open.readOnly || open.damaged) return [`重新打开${path}时只读：${open.notice ?? JSON.stringify(open.damaged)}`];
    return [];
  } finally {
    await core.close();
  }
}
