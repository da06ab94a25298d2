import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, test } from 'vitest';
import { runSafety, runTrial, summarize } from '../safety/harness';
import { IMPORT_ROWS, KINDS } from '../safety/kinds';
import { prepareTemplate } from '../safety/prepare';
import { verifyTrial } from '../safety/verify';
import { useTempDir } from './helpers';

/**
 * The reduced crash-safety run (`npm run safety` is the full one): a child process doing real work through the
 * core is SIGKILLed at a random moment, and the ledger it leaves must pass integrity_check, hold every change the
 * child acknowledged, and hold no half of an import or a bulk edit.
 */
const tmp = useTempDir('yiqiyice-safety-');

test('six kills at random moments, across every kind of work, leave whole ledgers', { timeout: 120_000 }, async () => {
  const trials = await runSafety({ trials: KINDS.length + 1, workDir: tmp.dir(), seed: 20261121 });
  const report = summarize(trials);
  expect(report.failures).toEqual([]);
  expect(report).toMatchObject({ killTrials: 6, killSurvived: 6 });
  expect(Object.keys(report.kinds)).toEqual([...KINDS]);
});

test('a kill after several acknowledged imports keeps every one of them', { timeout: 60_000 }, async () => {
  const template = await prepareTemplate('import', join(tmp.dir(), 'template'));
  const trial = await runTrial(template, join(tmp.dir(), 'trial'), 4000);
  expect(trial.problems).toEqual([]);
  expect(trial.acknowledged).toBeGreaterThan(1);
  const db = new Database(join(tmp.dir(), 'trial', '台账.yqyc'), { readonly: true });
  const imported = db.prepare("SELECT count(*) FROM enterprises WHERE name LIKE '断电批次%'").pluck().get() as number;
  db.close();
  // Every acknowledged batch whole, and at most the one in flight beyond them.
  expect([trial.acknowledged * IMPORT_ROWS, (trial.acknowledged + 1) * IMPORT_ROWS]).toContain(imported);
});

test(
  'the checks catch a lost change: a ledger missing an acknowledged import is reported',
  { timeout: 60_000 },
  async () => {
    // The harness is only worth something if it would notice a loss. Claim one more acknowledged batch than the
    // untouched template holds, and the check must say which.
    const template = await prepareTemplate('import', join(tmp.dir(), 'template'));
    const dir = join(tmp.dir(), 'claimed');
    mkdirSync(dir);
    copyFileSync(template.ledger, join(dir, '台账.yqyc'));
    const setup = { ...template, ledger: join(dir, '台账.yqyc') };
    const problems = await verifyTrial(setup, [{ op: 'import', seq: 1, names: [] }], dir);
    expect(problems).toEqual([`导入批次1有0行（应为${IMPORT_ROWS}行），该批次已确认`]);
  },
);
