import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { probeChannels } from '../support/fuzz/channelProbe';
import { runFuzz } from '../support/fuzz/runner';
import { openSampleCore } from '../support/fuzz/sampleCore';
import { runElectronChecks } from '../support/electronChecks';

/**
 * The safety run's parts beyond the kill trials: the fuzz run, the malformed-payload probe of every channel, and
 * the desktop shell's Electron checks. Each prints its lines and returns its figures for the report.
 */

/** Backups the in-process core makes (on opening, before imports) stay in the run's folder, never the clerk's. */
function keepBackupsIn(workDir: string): void {
  process.env.YIQIYICE_BACKUP_DIR = join(workDir, 'backups');
  mkdirSync(process.env.YIQIYICE_BACKUP_DIR, { recursive: true });
}

export async function fuzzPart(seed: number, count: number, workDir: string) {
  keepBackupsIn(workDir);
  console.log(`\n模糊测试：${count} 个输入，随机种子 ${seed}`);
  const f = await runFuzz({
    seed,
    count,
    workDir: join(workDir, 'fuzz'),
    onInput: (o) => {
      if (!o.survived) console.log(`  失败  ${o.label}  ${o.outcome}  ${o.problems.join('；')}`);
    },
  });
  const codes = Object.entries(f.codes)
    .map(([code, n]) => `${code === 'accepted' ? '接受' : code} ${n}`)
    .join('、');
  console.log(`  完好 ${f.survived}/${f.inputs}；结果：${codes}`);
  // Accepted inputs are not failures (reads, or a readable file whose rows were all rejected), but they are named.
  for (const a of f.accepted) console.log(`  被接受：${a}`);
  return { fuzzInputs: f.inputs, fuzzSurvived: f.survived };
}

export async function channelPart(workDir: string) {
  keepBackupsIn(workDir);
  const { core, ledgerPath } = await openSampleCore(join(workDir, 'channels'));
  try {
    const c = await probeChannels(core, ledgerPath);
    console.log(`\n通道校验：${c.channels} 个通道，${c.cases} 个错误请求，覆盖 ${c.covered.length} 个通道`);
    for (const p of c.problems) console.log(`  未通过：${p}`);
    return { ipcChannels: c.channels, ipcChannelsCovered: c.covered.length };
  } finally {
    await core.close();
  }
}

export function electronPart() {
  const checks = runElectronChecks();
  const failed = checks.filter((c) => !c.ok);
  console.log(`\nElectron 安全检查：${checks.length} 项，未通过 ${failed.length} 项`);
  for (const c of failed) console.log(`  未通过：${c.id}  ${c.detail}`);
  return { electronChecks: checks.length, electronChecksFailed: failed.length };
}
