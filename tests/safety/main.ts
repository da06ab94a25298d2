import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runSafety, summarize, type Trial } from './harness';
import { KIND_LABELS, KINDS, type Kind } from './kinds';

/**
 * `npm run safety [-- --json FILE] [--trials 50] [--kinds import,bulk] [--seed N] [--keep]`: kills a process doing
 * real work on a real ledger (SIGKILL at a random moment) again and again, reopens the ledger each time, and prints
 * how many trials it survived — integrity_check ok, every acknowledged change present, nothing half applied.
 * Exits non-zero when any trial did not survive. `--keep` leaves the trials' folders for inspection.
 */
const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    trials: { type: 'string' },
    kinds: { type: 'string' },
    seed: { type: 'string' },
    keep: { type: 'boolean' },
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

const workDir = mkdtempSync(join(tmpdir(), 'yiqiyice-safety-'));
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
const report = { ...summarize(trials, kinds), seed };

const rows = Object.values(report.kinds).map((k) => [
  k.label,
  String(k.trials),
  String(k.survived),
  String(k.acknowledged),
  String(k.walLeft),
  k.trials === k.survived ? 'ok' : 'FAILED',
]);
const walLeft = Object.values(report.kinds).reduce((n, k) => n + k.walLeft, 0);
rows.push(['合计', ...[report.killTrials, report.killSurvived, report.acknowledgedChanges, walLeft].map(String), '']);
const head = ['种类', '断电次数', '完好', '已确认的修改', '需从预写日志恢复', ''];
// Chinese characters take two columns in a terminal.
const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ');
console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const r of rows) console.log(line(r));

if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
if (values.keep) console.log(`\n各次测试的文件保留在 ${workDir}`);
else rmSync(workDir, { recursive: true, force: true });
if (report.killSurvived !== report.killTrials) {
  console.log(`\n有 ${report.killTrials - report.killSurvived} 次断电后台账不完好，详见上方`);
  process.exitCode = 1;
}
