import { describe, expect, test } from 'vitest';
import { CHANNELS } from '../../../shared/ipc';
import { probeChannels } from '../../support/fuzz/channelProbe';
import { ledgerDigest } from '../../support/fuzz/ledgerDigest';
import { coreAnswers, openSampleCore } from '../../support/fuzz/sampleCore';
import { isStrictObject, malformedPayloads, requestFields, wrongValueFor } from '../../support/fuzz/schemaProbe';
import { contract } from '../../../shared/ipc';
import { useTempDir } from '../helpers';

/**
 * Every channel of the contract, enumerated from CHANNELS, is sent payloads of the wrong shape on a real sample
 * ledger: each must be refused as VALIDATION with a Chinese message before any handler runs, and the ledger must
 * be unchanged record for record (a digest of every table, and the change log's length).
 */
const tmp = useTempDir('yiqiyice-malformed-');

describe('malformed payloads on every channel', () => {
  test('every request schema is a strict object, so an unknown key is refused everywhere', () => {
    expect(CHANNELS.filter((c) => !isStrictObject(c))).toEqual([]);
  });

  test('the wrong values are of the wrong kind: string→number, number→string, boolean→string, enum→number', () => {
    const kinds = (channel: keyof typeof contract, field: string) => wrongValueFor(requestFields(channel)[field]!);
    expect(kinds('ledgers:open', 'id')).toEqual({ value: 12345 });
    expect(kinds('enterprises:get', 'id')).toEqual({ value: '12345' });
    expect(kinds('ledgers:openFile', 'readOnly')).toEqual({ value: 'true' });
    expect(kinds('indicators:move', 'direction')).toEqual({ value: 12345 });
    expect(kinds('enterprises:bulkUpdate', 'ids')).toEqual({ value: '列表' });
    // An empty request gets the five shape cases only: null, a number, an array, a string, an unknown key.
    expect(malformedPayloads('ledgers:close').cases.map((c) => c.label)).toEqual([
      'null',
      '数字',
      '数组',
      '字符串',
      '多余的键',
    ]);
  });

  test('each is refused as VALIDATION in Chinese, no channel is missed, and the ledger is unchanged', async () => {
    const { core, ledgerPath } = await openSampleCore(tmp.dir());
    tmp.onCleanup(() => core.close());
    const before = ledgerDigest(ledgerPath);
    expect(before.changeLogLength).toBeGreaterThan(0);

    const coverage = await probeChannels(core, ledgerPath);
    expect(coverage.problems).toEqual([]);
    expect(coverage.channels).toBe(CHANNELS.length);
    expect([...coverage.covered].sort()).toEqual([...CHANNELS].sort());
    const fields = CHANNELS.reduce((n, c) => n + Object.keys(requestFields(c)).length, 0);
    expect(coverage.cases).toBe(CHANNELS.length * 5 + fields);

    expect(ledgerDigest(ledgerPath)).toEqual(before);
    // `null` once stood for `{}` and closed the ledger: it is still open.
    expect(await coreAnswers(core)).toBe(true);
  });
});
