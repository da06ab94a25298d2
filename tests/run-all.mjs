// `npm test`: every suite in turn — type checks, lint, unit, integration, then end-to-end in Chromium — and one
// closing line "N passed, N failed" that adds them all up. A missing browser fails the run; it is never skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const TREES = ['shared', 'electron/core', 'electron/web', 'electron/cli', 'electron/desktop', 'renderer', 'tests'];
const BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/opt/google/chrome/chrome',
];
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
}

function check(name, ok) {
  totals[ok ? 'passed' : 'failed']++;
  lines.push(`${ok ? '通过' : '失败'}  ${name}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync('test-results', { recursive: true });

for (const tree of TREES) check(`类型检查 ${tree}`, run('npx', ['tsc', '-p', tree]));
check('代码规范 eslint', run('npx', ['eslint', '.', '--max-warnings', '0']));
// The whole build, desktop included: the stand-in Electron checks run the desktop bundle that would ship.
const built = run('npm', ['run', 'build']);
check('构建 浏览器方式与桌面方式', built);

rmSync('test-results/vitest.json', { force: true });
run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + (vitest.numRuntimeErrorTestSuites ?? 0);
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  lines.push(`单元与集成测试：${vitest.numPassedTests} 通过，${vitest.numFailedTests} 失败`);
} else check('单元与集成测试（未能运行）', false);

const browser = process.env.YIQIYICE_BROWSER || BROWSERS.find((b) => existsSync(b));
if (!browser) {
  console.error(
    '\n未找到 Chromium 系浏览器，端到端测试无法运行。请安装：sudo apt-get install -y chromium（或设置 YIQIYICE_BROWSER）。',
  );
  check('端到端测试（缺少浏览器）', false);
} else if (!built) {
  check('端到端测试（构建失败，未运行）', false);
} else {
  rmSync('test-results/e2e.json', { force: true });
  run('npx', ['playwright', 'test']);
  const e2e = readJson('test-results/e2e.json');
  if (e2e?.stats) {
    const { expected, unexpected, flaky, skipped } = e2e.stats;
    totals.passed += expected;
    totals.failed += unexpected + flaky; // a test that needed a retry is not a pass
    totals.skipped += skipped;
    lines.push(`端到端测试（${browser}）：${expected} 通过，${unexpected + flaky} 失败`);
  } else check('端到端测试（未能运行）', false);
}

console.log(`\n${lines.join('\n')}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
