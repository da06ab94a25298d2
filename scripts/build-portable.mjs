// `npm run portable`: the browser shell as a folder that runs without installing anything — for PCs where the
// desktop shell cannot run (信创 CPUs without an Electron build, locked-down machines). It holds a Node runtime,
// the built app (out/node, out/renderer), the run-time packages, and a start script (启动.bat / start.sh).
//
// The SQLite addon is compiled for one OS, CPU and Node version, so build the package on the kind of machine it is
// for (e.g. on a 麒麟 arm64 PC: npm ci && npm run portable) with the Node it should carry; docs/便携版.md says how.
//
//   node scripts/build-portable.mjs [--out 文件夹] [--node node可执行文件] [--archive]
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { out: { type: 'string' }, node: { type: 'string' }, archive: { type: 'boolean' } },
  strict: true,
});

const ROOT = process.cwd();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const windows = process.platform === 'win32';
const name = `yiqiyice-portable-${pkg.version}-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
const target = resolve(values.out ?? join('release', name));
const nodeBinary = resolve(values.node ?? process.execPath);

for (const built of ['out/node/web.js', 'out/node/core-worker.js', 'out/renderer/index.html']) {
  if (!existsSync(join(ROOT, built))) fail(`缺少 ${built}，请先运行 npm run build:web`);
}
if (!existsSync(join(ROOT, 'out/renderer/guide/index.html')))
  fail('缺少操作手册（out/renderer/guide），请先运行 npm run build:web');

// The Node it carries must be the one the SQLite addon was compiled for: same ABI (process.versions.modules).
const carried = spawnSync(nodeBinary, ['-p', 'process.versions.modules + " " + process.version'], { encoding: 'utf8' });
if (carried.status !== 0) fail(`无法运行 ${nodeBinary}`);
const [abi, version] = carried.stdout.trim().split(' ');
if (abi !== process.versions.modules) {
  fail(`${nodeBinary}（${version}）与编译 SQLite 组件的 Node（${process.version}）不兼容，请用同一主版本的 Node`);
}

rmSync(target, { recursive: true, force: true });
const app = join(target, 'app');
mkdirSync(join(app, 'out'), { recursive: true });

// The Node runtime, alone: the package never uses npm or the headers.
const nodeDir = join(target, 'node');
mkdirSync(nodeDir, { recursive: true });
const nodeName = windows ? 'node.exe' : 'node';
cpSync(nodeBinary, join(nodeDir, nodeName));
if (!windows) chmodSync(join(nodeDir, nodeName), 0o755);

cpSync(join(ROOT, 'out', 'node'), join(app, 'out', 'node'), { recursive: true });
cpSync(join(ROOT, 'out', 'renderer'), join(app, 'out', 'renderer'), {
  recursive: true,
  // The build manifest is for the bundle benchmark; source maps are for developers.
  filter: (src) => !src.includes(`${sep}.vite`) && !src.endsWith('.map'),
});
// "type": "module" makes Node read the bundles as ES modules; nothing else of package.json is needed.
writeFileSync(
  join(app, 'package.json'),
  `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true, type: 'module' }, null, 2)}\n`,
);

// Exactly the packages the bundles load at run time ("dependencies" and what they need), as npm resolved them.
const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
  cwd: ROOT,
  encoding: 'utf8',
  shell: windows,
  // npm's own warnings (config, funding) are not the build's business.
  stdio: ['ignore', 'pipe', 'ignore'],
})
  .split(/\r?\n/)
  .filter((line) => line.includes(`${sep}node_modules${sep}`));
for (const dir of listed) {
  const rel = relative(ROOT, dir);
  cpSync(dir, join(app, rel), { recursive: true, filter: (src) => keep(src, dir) });
}

/** Leaves out what only compiling the SQLite addon needs (its C sources, object files) and nested copies. */
function keep(src, packageDir) {
  const inside = relative(packageDir, src);
  if (inside.startsWith(`node_modules${sep}`) || inside === 'node_modules') return false;
  if (basename(packageDir) !== 'better-sqlite3-multiple-ciphers') return true;
  return !/^(deps|src)(\/|\\|$)|^build[\\/]Release[\\/](obj|obj\.target|test_extension\.node|sqlite3\.a)/.test(inside);
}

const dataNote = '数据文件夹：与本程序同一位置有“数据”文件夹时用它（整个文件夹可拷走），否则用本机的默认数据文件夹。';
writeFileSync(
  join(target, '启动.bat'),
  [
    '@echo off',
    'chcp 65001 >nul',
    'cd /d "%~dp0"',
    `rem ${dataNote}`,
    'if exist "%~dp0数据\\" set "YIQIYICE_DATA_DIR=%~dp0数据"',
    '"%~dp0node\\node.exe" "%~dp0app\\out\\node\\web.js" %*',
    'if errorlevel 1 pause',
    '',
  ].join('\r\n'),
);
writeFileSync(
  join(target, 'start.sh'),
  [
    '#!/bin/sh',
    `# ${dataNote}`,
    'here=$(cd "$(dirname "$0")" && pwd)',
    '[ -d "$here/数据" ] && export YIQIYICE_DATA_DIR="$here/数据"',
    'exec "$here/node/node" "$here/app/out/node/web.js" "$@"',
    '',
  ].join('\n'),
);
chmodSync(join(target, 'start.sh'), 0o755);
writeFileSync(
  join(target, '使用说明.txt'),
  [
    `「一企一策」非公企业党建台账 ${pkg.version}（便携版，浏览器方式）`,
    '',
    `适用于：${windows ? 'Windows' : process.platform === 'linux' ? 'Linux（统信UOS、麒麟等）' : process.platform} ${process.arch}，无需安装。`,
    '启动：Windows 双击“启动.bat”；Linux 在终端运行 ./start.sh（或在文件管理器中选择“运行”）。',
    '程序会打开浏览器（Chromium、Chrome、Edge 或奇安信、360 等国产浏览器的 Chromium 内核版本）；',
    '没有自动打开时，把命令窗口中显示的地址复制到浏览器中打开。关闭命令窗口即退出程序。',
    dataNote,
    '要把台账随程序一起放在 U 盘上：在本文件旁新建名为“数据”的文件夹即可。',
    '打印公文、导出 PDF 需要本机装有 Chromium 内核的浏览器。',
    '',
  ].join(windows ? '\r\n' : '\n'),
);

if (values.archive && !windows) {
  execFileSync('tar', ['-czf', `${target}.tar.gz`, '-C', resolve(target, '..'), basename(target)]);
}
console.log(`便携版已生成：${target}${values.archive && !windows ? `（及 ${basename(target)}.tar.gz）` : ''}`);

function fail(message) {
  console.error(`错误：${message}`);
  process.exit(1);
}
