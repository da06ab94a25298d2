import { describe, expect, test } from 'vitest';
import { generateInputs } from '../../support/fuzz/generator';
import { templateChannelsMissing } from '../../support/fuzz/payloads';
import { runFuzz } from '../../support/fuzz/runner';
import { useTempDir } from '../helpers';

/**
 * The reduced fuzz run (the safety run, `npm run safety -- --only fuzz`, does 200 and more with the same code):
 * broken payloads and mutated spreadsheets against a real sample ledger. Each must leave the core answering and
 * the ledger unchanged; anything accepted is counted apart and must be harmless.
 */
const tmp = useTempDir('yiqiyice-fuzz-');
const SEED = 20261121;

describe('fuzz, reduced', () => {
  test('the generator is deterministic, mixes payloads and spreadsheets, and aims only at real channels', () => {
    const a = generateInputs(SEED, 60).map((i) => i.label);
    expect(generateInputs(SEED, 60).map((i) => i.label)).toEqual(a);
    expect(generateInputs(SEED + 1, 60).map((i) => i.label)).not.toEqual(a);
    const kinds = generateInputs(SEED, 60).map((i) => i.kind);
    expect(kinds.filter((k) => k === 'sheet').length).toBeGreaterThanOrEqual(10);
    expect(kinds.filter((k) => k === 'payload').length).toBeGreaterThanOrEqual(30);
    expect(templateChannelsMissing()).toEqual([]);
  });

  test('60 inputs: every one survived, most were refused, and the accepted ones are only reads or rejected rows', async () => {
    const figures = await runFuzz({ seed: SEED, count: 60, workDir: tmp.dir() });
    expect(figures.failures).toEqual([]);
    expect(figures.inputs).toBe(60);
    expect(figures.survived).toBe(60);
    expect(figures.rejected + figures.accepted.length).toBe(60);
    expect(figures.rejected).toBeGreaterThanOrEqual(45);
    expect(figures.codes.INTERNAL ?? 0).toBe(0);
  });
});
