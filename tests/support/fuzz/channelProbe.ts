import { CHANNELS, type Channel } from '../../../shared/ipc';
import type { CoreClient } from '../../../electron/core/host/coreClient';
import { ledgerDigest } from './ledgerDigest';
import { malformedPayloads } from './schemaProbe';

/**
 * Every channel of CHANNELS gets its malformed payloads (schemaProbe.ts); a channel is covered when each came back
 * VALIDATION with a Chinese message, a wrong value was found for each of its fields, and the ledger was unchanged
 * afterwards (digest of every table and the change log's length, checked per channel).
 */
export interface ChannelCoverage {
  channels: number;
  covered: Channel[];
  cases: number;
  /** One line per refusal that was not VALIDATION in Chinese, field that could not be probed, or leak. */
  problems: string[];
}

const CHINESE = /[\u4e00-\u9fff]/;

export async function probeChannels(core: CoreClient, ledgerPath: string): Promise<ChannelCoverage> {
  const before = JSON.stringify(ledgerDigest(ledgerPath));
  const result: ChannelCoverage = { channels: CHANNELS.length, covered: [], cases: 0, problems: [] };
  for (const channel of CHANNELS) {
    const problems: string[] = [];
    const probe = malformedPayloads(channel);
    problems.push(...probe.unprobed.map((f) => `${channel}.${f}：找不到会被拒绝的错误类型值`));
    for (const c of probe.cases) {
      result.cases++;
      const r = await core.invoke(channel, c.payload);
      if (r.ok || r.error.code !== 'VALIDATION' || !CHINESE.test(r.error.message))
        problems.push(`${channel} [${c.label}] → ${JSON.stringify(r).slice(0, 160)}`);
    }
    if (JSON.stringify(ledgerDigest(ledgerPath)) !== before) problems.push(`${channel}：台账被修改`);
    if (problems.length === 0) result.covered.push(channel);
    result.problems.push(...problems);
  }
  return result;
}
