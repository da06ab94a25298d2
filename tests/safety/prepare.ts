import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../electron/core/db/open';
import { migrateUpTo } from '../support/oldLedger';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import type { Kind, Setup } from './kinds';

/** Enterprises in the prepared ledger: enough that a bulk edit or an import takes a while to commit. */
const SAMPLE_ENTERPRISES = 300;

async function call<T>(core: CoreClient, channel: string, payload: unknown): Promise<T> {
  const result = await core.invoke(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/**
 * Runs `fn` with the backup folder (an app setting, defaulting to one in the home folder) pointed at `folder`, so
 * the automatic backups the core makes when the harness itself opens a ledger stay in the run's own folder.
 */
export async function withBackupDir<T>(folder: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.YIQIYICE_BACKUP_DIR;
  process.env.YIQIYICE_BACKUP_DIR = folder;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.YIQIYICE_BACKUP_DIR;
    else process.env.YIQIYICE_BACKUP_DIR = before;
  }
}

/** What the sample ledger holds that the child needs, read straight from the file. */
function readIds(path: string): Pick<Setup, 'areaIds' | 'enterpriseIds' | 'areaName'> & { planless: number } {
  const db = openDatabase(path);
  try {
    const areas = db.prepare('SELECT id, name FROM areas ORDER BY id LIMIT 3').all() as { id: number; name: string }[];
    const ids = db.prepare('SELECT id FROM enterprises ORDER BY id').pluck().all() as number[];
    const planless = db
      .prepare('SELECT id FROM enterprises WHERE id NOT IN (SELECT enterprise_id FROM plans) ORDER BY id LIMIT 1')
      .pluck()
      .get() as number;
    return { areaIds: areas.map((a) => a.id), areaName: areas[0]!.name, enterpriseIds: ids, planless };
  } finally {
    db.close();
  }
}

/** A ledger as version 3 of the program left it, with a few records the migrations must carry over. */
export function writeVersionThreeLedger(path: string): void {
  const db = openDatabase(path, { create: true });
  try {
    migrateUpTo(db, 3);
    db.exec(`
      INSERT INTO ledger_settings (id, township, committee, doc_code, doc_banner, ledger_uid, created_at)
        VALUES (1, '长乐镇', '中共长乐镇委员会', '长委', '中共长乐镇委员会文件', 'uid-old', '2025-01-01T00:00:00Z');
      INSERT INTO areas (id, name, type) VALUES (1, '长安村', 'village'), (2, '工业园区', 'industrial-park');
      INSERT INTO enterprises (id, name, kind, area_id, employees, size_band, full_members, org_setting,
          created_at, updated_at) VALUES
        (1, '甲机械有限公司', 'enterprise', 2, 120, 'D', 3, 'standalone', '2025-02-03T04:05:06Z', '2025-02-03T04:05:06Z'),
        (2, '乙纺织有限公司', 'enterprise', 1, 85, 'D', 1, 'none', '2025-02-03T04:05:06Z', '2025-02-03T04:05:06Z'),
        (3, '丙五金店', 'individual', 1, 3, 'A', 0, 'none', '2025-02-03T04:05:06Z', '2025-02-03T04:05:06Z');
    `);
  } finally {
    db.close();
  }
}

/** The names the version-3 ledger holds; a migrated copy must still hold exactly these. */
export const OLD_ENTERPRISES = ['甲机械有限公司', '乙纺织有限公司', '丙五金店'];

/**
 * Makes the ledger every trial of `kind` starts from, in `dir`: a 300-enterprise sample made and edited through the
 * core (all enterprises in the first area; for `plan`, one 草拟 plan ready for approval), or for `migration` a
 * version-3 ledger. Closed cleanly, so a trial can start from a plain copy of the file.
 */
export function prepareTemplate(kind: Kind, dir: string): Promise<Setup> {
  mkdirSync(dir, { recursive: true });
  return withBackupDir(join(dir, 'backups'), () => prepare(kind, dir));
}

async function prepare(kind: Kind, dir: string): Promise<Setup> {
  const ledger = join(dir, '台账.yqyc');
  const oldLedger = join(dir, '旧台账.yqyc');
  if (kind === 'migration') {
    writeVersionThreeLedger(oldLedger);
    return { kind, ledger, areaIds: [], enterpriseIds: [], areaName: '', planId: 0, oldLedger };
  }
  const core = inProcessCore({ dataDir: join(dir, 'prepare-data'), actor: '断电测试' });
  try {
    const target = await core.grant(ledger, 'create');
    await call(core, 'ledgers:createSample', { enterprises: SAMPLE_ENTERPRISES, seed: 9, target });
    await call(core, 'ledgers:close', {});
    const ids = readIds(ledger);
    await call(core, 'ledgers:openFile', { fileRef: await core.grant(ledger, 'open') });
    await call(core, 'enterprises:bulkUpdate', { ids: ids.enterpriseIds, patch: { areaId: ids.areaIds[0] } });
    let planId = 0;
    if (kind === 'plan') {
      const plan = await call<{ id: number }>(core, 'plans:save', {
        input: {
          enterpriseId: ids.planless,
          year: 2026,
          startOn: '2026-01-05',
          method: 'village-joint',
          measures: ['推进组上门宣讲组建政策'],
          milestones: [{ name: '企业提出组建请示', dueOn: '2026-03-15' }],
        },
      });
      planId = plan.id;
    }
    await call(core, 'ledgers:close', {});
    return { kind, ledger, ...ids, planId, oldLedger };
  } finally {
    await core.close();
  }
}

/** A trial's own copy of the template, in `dir`, with setup.json naming it. Returns the setup file's path. */
export function copyForTrial(template: Setup, dir: string): { setup: Setup; setupFile: string } {
  mkdirSync(dir, { recursive: true });
  const setup: Setup = { ...template, ledger: join(dir, '台账.yqyc'), oldLedger: join(dir, '旧台账.yqyc') };
  if (template.kind === 'migration') copyFileSync(template.oldLedger, setup.oldLedger);
  else copyFileSync(template.ledger, setup.ledger);
  const setupFile = join(dir, 'setup.json');
  writeFileSync(setupFile, JSON.stringify(setup));
  return { setup, setupFile };
}
