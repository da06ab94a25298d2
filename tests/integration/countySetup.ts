import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { orgCodeCheckChar, usccCheckChar } from '../../shared/domain/uscc';
import { CoreContext } from '../../electron/core/app/context';
import { generateSample } from '../../electron/core/sample/generate';
import { isActive } from '../../electron/core/sample/partyOrgs';
import { setPassword } from '../../electron/core/services/encryption';
import { createLedgerAt, openLedgerAt } from '../../electron/core/services/ledgers';
import { fillSample } from '../../electron/core/services/sample';

export const COUNTY_TODAY = '2026-11-21';
export const countyNow = () => new Date(`${COUNTY_TODAY}T12:00:00`);

/** Valid credit codes no generated enterprise has: the generator's start with 91, 92, 51 or 52, never 93. */
export const SHARED_A = code('00000001');
export const SHARED_B = code('00000002');

function code(body: string): string {
  const first17 = `93330683${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/**
 * A generated township under its own name, with some of its active enterprises given the codes in `plant`: the
 * sample itself, changed before it is written, so the ledger is made by the same creation path as any other.
 */
export function makeTownship(
  dir: string,
  township: string,
  options: { seed: number; enterprises: number; plant?: string[] },
): string {
  const sample = generateSample({ enterprises: options.enterprises, seed: options.seed, today: COUNTY_TODAY });
  sample.settings = { ...sample.settings, township, committee: `中共${township}委员会` };
  const active = sample.enterprises.filter(isActive);
  (options.plant ?? []).forEach((uscc, i) => {
    active[i * 7 + 3]!.uscc = uscc;
  });
  const path = join(dir, `${township}.yqyc`);
  const ctx = new CoreContext({ dataDir: join(dir, 'data'), now: countyNow });
  const restore = backupsBeside(dir);
  try {
    createLedgerAt(ctx, path, sample.settings, '生成示例台账', (tx) => fillSample(tx, sample));
  } finally {
    ctx.close();
    restore();
  }
  return path;
}

/** The names the planted codes were given, per township, to check the duplicates list against. */
export function plantedNames(township: string, options: { seed: number; enterprises: number; plant: string[] }) {
  const sample = generateSample({ enterprises: options.enterprises, seed: options.seed, today: COUNTY_TODAY });
  const active = sample.enterprises.filter(isActive);
  return options.plant.map((uscc, i) => ({ uscc, township, name: active[i * 7 + 3]!.name }));
}

/** A copy of a ledger, encrypted with `password` through the core's own path. */
/**
 * The safety copy setting a password makes (and any backup an open makes) goes beside the files when nothing chose
 * a folder: the end-to-end specs call these helpers in Playwright's own process, where the tester's home is the
 * default. Returns what puts the setting back.
 */
function backupsBeside(dir: string): () => void {
  if (process.env.YIQIYICE_BACKUP_DIR) return () => undefined;
  process.env.YIQIYICE_BACKUP_DIR = join(dir, 'backups');
  return () => delete process.env.YIQIYICE_BACKUP_DIR;
}

export function encryptedCopy(dir: string, from: string, name: string, password: string): string {
  const path = join(dir, name);
  copyFileSync(from, path);
  const ctx = new CoreContext({ dataDir: join(dir, 'data'), now: countyNow });
  const restore = backupsBeside(dir);
  try {
    openLedgerAt(ctx, path);
    setPassword(ctx, password);
  } finally {
    ctx.close();
    restore();
  }
  return path;
}
