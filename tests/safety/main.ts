import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runSafety, summarize, type Trial } from './harness';
import { channelPart, electronPart, fuzzPart } from './hardening';
import { KIND_LABELS, KINDS, type Kind } from './kinds';

/**
 * `npm run safety [-- --json FILE] [--trials 50] [--kinds import,bulk] [--fuzz 200] [--seed N] [--only PARTS]
 * [--keep]`: kills a process doing real work on a real ledger (SIGKILL at a random moment) again and again, reopens
 * the ledger each time, and prints how many trials it survived — integrity_check ok, every acknowledged change
 * present, nothing half applied. Then the fuzz run (broken payloads and spreadsheets, tests/support/fuzz), the
 * malformed-payload probe of every channel, and the Electron checks. `--only fuzz,channels` runs just those parts
 * (kill, fuzz, channels, electron); a part left out counts 0 in the report. Exits non-zero when anything failed.
 * `--keep` leaves the run's folders for inspection.
 */
const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    trials: { type: 'string' },
    kinds: { type: 'string' },
    seed: { type: 'string' },
    keep: { type: 'boolean' },
    fuzz: { type: 'string' },
    only: { type: 'string' },
  },
  strict: true,
});
const trialCount = Number(values.trials ?? 50);
const kinds = (values.kinds?.split(',') ?? [...KINDS]) as Kind[];
for (const k of kinds) {
  if (!KINDS.includes(k)) throw new Error(`未知的测试种类“${k}”，可选：${KINDS.join('、')}`);
}
if (!Number.isInteger(trialCount) || trialCount < 1) throw new Error('--trials 应为正整数');
const seed = Number(values.seed ?? Date.now() % 2 ** 31);
const fuzzCount = Number(values.fuzz ?? 200);
if (!Number.isInteger(fuzzCount) || fuzzCount < 1) throw new Error('--fuzz 应为正整数');
const PARTS = ['kill', 'fuzz', 'channels', 'electron'] as const;
const only = values.only?.split(',') ?? [...PARTS];
for (const p of only) {
  if (!(PARTS as readonly string[]).includes(p)) throw new Error(`未知的部分“${p}”，可选：${PARTS.join('、')}`);
}
const runs = (part: (typeof PARTS)[number]) => only.includes(part);

const workDir = mkdtempSync(join(tmpdir(), 'yiqiyice-safety-'));
const kill = runs('kill') ? await killPart() : { killTrials: 0, killSurvived: 0 };
const fuzz = runs('fuzz') ? await fuzzPart(seed, fuzzCount, workDir) : { fuzzInputs: 0, fuzzSurvived: 0 };
const channels = runs('channels') ? await channelPart(workDir) : { ipcChannels: 0, ipcChannelsCovered: 0 };
const electron = runs('electron') ? electronPart() : { electronChecks: 0, electronChecksFailed: 0 };
// Exactly these keys, in this order: the issue's acceptance reads this file.
const report = { ...kill, ...fuzz, ...channels, ...electron };

console.log(
  `\n合计：断电 ${report.killSurvived}/${report.killTrials} 完好；模糊测试 ${report.fuzzSurvived}/${report.fuzzInputs} 完好；` +
    `通道校验覆盖 ${report.ipcChannelsCovered}/${report.ipcChannels}；Electron 检查 ${report.electronChecks} 项，` +
    `未通过 ${report.electronChecksFailed} 项${only.length < PARTS.length ? `（只运行了：${only.join('、')}）` : ''}`,
);
if (values.json) writeFileSync(values.json, `${JSON.stringify(report)}\n`);
if (values.keep) console.log(`\n各次测试的文件保留在 ${workDir}`);
else rmSync(workDir, { recursive: true, force: true });
const failed = [
  report.killTrials - report.killSurvived,
  report.fuzzInputs - report.fuzzSurvived,
  report.ipcChannels - report.ipcChannelsCovered,
  report.electronChecksFailed,
].some((n) => n > 0);
if (failed) process.exitCode = 1;

async function killPart() {
  console.log(`断电测试：${trialCount} 次，种类 ${kinds.map((k) => KIND_LABELS[k]).join('、')}，随机种子 ${seed}`);
  const trials = await runSafety({
    trials: trialCount,
    kinds,
    seed,
    workDir,
    onTrial: (t: Trial, i: number) =>
      console.log(
        `${String(i).padStart(3)}  ${KIND_LABELS[t.kind]}  ${t.killedAtMs} ms 后断电  已确认 ${t.acknowledged}${t.walLeft ? '  留有预写日志' : ''}  ${t.survived ? '完好' : `失败：${t.problems.join('；')}`}`,
      ),
  });
  const summary = { ...summarize(trials, kinds), seed };

  const rows = Object.values(summary.kinds).map((k) => [
    k.label,
    String(k.trials),
    String(k.survived),
    String(k.acknowledged),
    String(k.walLeft),
    k.trials === k.survived ? 'ok' : 'FAILED',
  ]);
  const walLeft = Object.values(summary.kinds).reduce((n, k) => n + k.walLeft, 0);
  rows.push([
    '合计',
    ...[summary.killTrials, summary.killSurvived, summary.acknowledgedChanges, walLeft].map(String),
    '',
  ]);
  const head = ['种类', '断电次数', '完好', '已确认的修改', '需从预写日志恢复', ''];
  // Chinese characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));

  if (summary.killSurvived !== summary.killTrials)
    console.log(`\n有 ${summary.killTrials - summary.killSurvived} 次断电后台账不完好，详见上方`);
  return { killTrials: summary.killTrials, killSurvived: summary.killSurvived };
}
