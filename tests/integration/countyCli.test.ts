import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DEFAULT_INDICATORS } from '../../shared/domain/indicators';
import { npmCli } from './cliRun';
import { makeTownship, SHARED_A } from './countySetup';
import { useTempDir } from './helpers';

/** `npm run cli -- county …` as a clerk runs it, in its own process: slow, so one success and one refusal. */
const tmp = useTempDir('yiqiyice-county-cli-');

interface Row {
  id: string;
  name: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  target: number | null;
  met: boolean | null;
}
interface Out {
  townships: { township: string; file: string; enterprises: number; indicators: Row[] }[];
  county: { enterprises: number; indicators: Row[] };
  duplicates: { uscc: string; entries: { township: string; file: string; name: string }[] }[];
  partyStats: { columns: string[]; rows: { line: number; item: string; cells: number[] }[] };
}

test('county --json: per-township rows, the county row from their sums, the duplicates and the form', async () => {
  const a = makeTownship(tmp.dir(), '长乐镇', { seed: 5, enterprises: 120, plant: [SHARED_A] });
  const b = makeTownship(tmp.dir(), '甘霖镇', { seed: 6, enterprises: 80, plant: [SHARED_A] });
  const run = await npmCli(['county', '--ledgers', a, b, '--json'], join(tmp.dir(), 'data'));
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const out = JSON.parse(run.stdout) as Out;
  expect(out.townships.map((t) => [t.township, t.file])).toEqual([
    ['长乐镇', '长乐镇.yqyc'],
    ['甘霖镇', '甘霖镇.yqyc'],
  ]);
  expect(out.county.indicators.map((i) => i.id)).toEqual(DEFAULT_INDICATORS.map((d) => d.key));
  out.county.indicators.forEach((c, k) => {
    const [x, y] = out.townships.map((t) => t.indicators[k]!);
    expect(c.numerator).toBe(x!.numerator + y!.numerator);
    expect(c.denominator).toBe(x!.denominator + y!.denominator);
    expect(c.rate).toBe(c.denominator === 0 ? null : Math.round((c.numerator / c.denominator) * 10_000) / 10_000);
  });
  expect(out.county.enterprises).toBe(out.townships[0]!.enterprises + out.townships[1]!.enterprises);
  expect(out.duplicates.map((d) => [d.uscc, d.entries.map((e) => e.township)])).toEqual([
    [SHARED_A, ['长乐镇', '甘霖镇']],
  ]);
  expect(out.partyStats.rows[0]!.item).toBe('单位数');
  expect(out.partyStats.rows[0]!.cells[0]).toBeGreaterThan(0);
}, 90_000);

test('a file that is not a ledger: refused by name, non-zero exit, nothing on stdout', async () => {
  const a = makeTownship(tmp.dir(), '长乐镇', { seed: 5, enterprises: 30 });
  const bad = join(tmp.dir(), '甘霖镇.yqyc');
  writeFileSync(bad, '不是台账');
  const run = await npmCli(['county', '--ledgers', a, '--ledgers', bad, '--json'], join(tmp.dir(), 'data'));
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('错误：“甘霖镇.yqyc”不是“一企一策”台账文件');
}, 90_000);
