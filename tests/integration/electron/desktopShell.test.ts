import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAll, getRawHeader, listPackage, statFile } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELECTRON_CHECKS, ensureBuilt, runElectronChecks, type ElectronCheck } from '../../support/electronChecks';

/**
 * Issue 10, "hardening, shown", without the Electron binary: the real desktop bundle runs against a stand-in
 * `electron` module (tests/support/electronChecks.ts, one test per check), and electron-builder packs an unpacked
 * installer around a stand-in Electron executable, whose asar and fuse wire are then inspected.
 */

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

beforeAll(() => ensureBuilt(ROOT), 180_000);

describe('desktop main process against the stand-in electron module', () => {
  let results: ElectronCheck[] = [];
  beforeAll(() => {
    results = runElectronChecks(ROOT);
  }, 120_000);

  it('names at least 25 distinct checks', () => {
    const ids = ELECTRON_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(25);
  });

  it.each(ELECTRON_CHECKS.map((c) => [c.id, c.title]))('%s: %s', (id) => {
    const result = results.find((r) => r.id === id);
    // The detail shows what main actually did when a check fails.
    expect(result).toEqual({ id, ok: true, detail: expect.any(String) as string });
  });
});

/** The fuse wire of Electron's binary (sentinel, version 1, length, one byte per fuse), with Electron's defaults. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = '10110001';
const FUSES = {
  RunAsNode: 0,
  EnableCookieEncryption: 1,
  EnableNodeOptionsEnvironmentVariable: 2,
  EnableNodeCliInspectArguments: 3,
  EnableEmbeddedAsarIntegrityValidation: 4,
  OnlyLoadAppFromAsar: 5,
  GrantFileProtocolExtraPrivileges: 7,
} as const;
const ENABLED = 49; // '1'
const DISABLED = 48; // '0'

/** Development-only packages, and those the desktop bundles already contain or never load. */
const NOT_SHIPPED = [
  'react',
  'react-dom',
  'antd',
  'echarts',
  'vitest',
  'vite',
  'playwright',
  '@playwright/test',
  'electron',
  'electron-builder',
  'electron-vite',
  'typescript',
  'eslint',
  'tsx',
  'esbuild',
  'prettier',
  '@types/node',
  'zod',
  'exceljs',
  '@e965/xlsx',
  'pinyin-pro',
  'docx',
  'pdf-lib',
  'jszip',
  'playwright-core',
  'prebuild-install',
];

describe('what an installer carries (electron-builder --dir with a stand-in Electron)', () => {
  const work = mkdtempSync(join(tmpdir(), 'yqyc-builder-'));
  const dist = join(work, 'electron-dist');
  const output = join(work, 'release');
  const unpacked = join(output, 'linux-unpacked');
  const asarPath = join(unpacked, 'resources', 'app.asar');
  let files: string[] = [];
  let log = '';

  beforeAll(() => {
    // electron-builder copies the dist folder, renames `electron` to the executable name and flips the fuses in
    // it; an executable that carries Electron's fuse wire is all it needs for linux x64.
    mkdirSync(dist, { recursive: true });
    const wire = Buffer.concat([
      Buffer.from('#!/bin/sh\nexit 0\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, DEFAULT_WIRE.length]),
      Buffer.from(DEFAULT_WIRE),
    ]);
    writeFileSync(join(dist, 'electron'), wire);
    chmodSync(join(dist, 'electron'), 0o755);
    const run = spawnSync(
      'npx',
      [
        'electron-builder',
        '--linux',
        '--dir',
        `-c.electronDist=${dist}`,
        `-c.directories.output=${output}`,
        '-c.npmRebuild=false',
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    log = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) throw new Error(`electron-builder 失败：\n${log.slice(-4000)}`);
    files = listPackage(asarPath, { isPack: false });
  }, 180_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('packs the built app and package.json into resources/app.asar', () => {
    for (const f of [
      '/out/desktop/main.js',
      '/out/desktop/core-worker.js',
      '/out/preload/preload.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ]) {
      expect(files).toContain(f);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(files).toContain(`/${pkg.main}`);
    expect(statSync(join(unpacked, 'yiqiyice')).isFile()).toBe(true);
  });

  it('carries no browser-shell bundle, source maps, TypeScript sources or tests', () => {
    const unwanted = files.filter(
      (f) =>
        f.startsWith('/out/node') ||
        /\.(map|ts|tsx|mts|cts)$/.test(f) ||
        /^\/(tests|electron|shared|renderer|scripts|src)(\/|$)/.test(f) ||
        /\/(test|tests|__tests__)\//.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  it('ships of node_modules only the SQLite addon (better-sqlite3-multiple-ciphers) and what it loads at run time', () => {
    const modules = new Set(
      files
        .map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1])
        .filter((m): m is string => m !== undefined),
    );
    expect([...modules].sort()).toEqual(['better-sqlite3-multiple-ciphers', 'bindings', 'file-uri-to-path']);
    for (const name of NOT_SHIPPED) expect(modules.has(name), name).toBe(false);
  });

  it("unpacks the SQLite addon's native module beside the asar, and only the addon itself", () => {
    const addon = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';
    expect(statFile(asarPath, addon)).toMatchObject({ unpacked: true });
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked', addon))).toBe(true);
    const nodeFiles = files.filter((f) => f.endsWith('.node') || f.endsWith('.a') || f.includes('/obj'));
    expect(nodeFiles).toEqual([`/${addon}`]);
    // The header records the asar's integrity, which the integrity fuse makes Electron verify.
    expect(getRawHeader(asarPath).headerString.length).toBeGreaterThan(0);
  });

  it('starts from what it carries: the checks pass against the extracted app.asar', () => {
    const app = join(work, 'app');
    extractAll(asarPath, app);
    // No node_modules of the project on the way up from /tmp: better-sqlite3 must come from the package itself.
    expect(
      existsSync(
        join(app, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'),
      ),
    ).toBe(true);
    const failed = runElectronChecks(app).filter((r) => !r.ok);
    expect(failed).toEqual([]);
  }, 120_000);

  // The stand-in starts with Electron's defaults, each the opposite of the configured value, so every fuse below
  // was written by electron-builder. (On a real binary the same step runs; only the binary differs.)
  it('flips the fuses electron-builder.yml configures in the packaged executable', async () => {
    const wire = (await getCurrentFuseWire(join(unpacked, 'yiqiyice'))) as unknown as Record<number, number>;
    expect({
      RunAsNode: wire[FUSES.RunAsNode],
      EnableNodeOptionsEnvironmentVariable: wire[FUSES.EnableNodeOptionsEnvironmentVariable],
      EnableNodeCliInspectArguments: wire[FUSES.EnableNodeCliInspectArguments],
      OnlyLoadAppFromAsar: wire[FUSES.OnlyLoadAppFromAsar],
      EnableEmbeddedAsarIntegrityValidation: wire[FUSES.EnableEmbeddedAsarIntegrityValidation],
      EnableCookieEncryption: wire[FUSES.EnableCookieEncryption],
      GrantFileProtocolExtraPrivileges: wire[FUSES.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      RunAsNode: DISABLED,
      EnableNodeOptionsEnvironmentVariable: DISABLED,
      EnableNodeCliInspectArguments: DISABLED,
      OnlyLoadAppFromAsar: ENABLED,
      EnableEmbeddedAsarIntegrityValidation: ENABLED,
      EnableCookieEncryption: ENABLED,
      GrantFileProtocolExtraPrivileges: DISABLED,
    });
  });
});

// electron-builder writes its effective configuration only on a terminal, so the file itself is read: the NSIS
// target cannot be built here (no Windows Electron, no makensis offline).
describe('installer configuration (electron-builder.yml)', () => {
  // A clerk gets a Chinese installer that asks where to install, puts shortcuts on the desktop and in the Start
  // menu, opens .yqyc files with the program, and never deletes the data folder (recent list, backups) on uninstall.
  it('configures a Chinese NSIS installer with shortcuts, the .yqyc association, and keeps the data on uninstall', () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    const block = (name: string) => new RegExp(`^${name}:\\n((?:[ \\t]+.*\\n)+)`, 'm').exec(yml)?.[1] ?? '';
    const value = (text: string, key: string) =>
      new RegExp(`^\\s+-?\\s*${key}:\\s*'?([^'\\n]*)'?\\s*$`, 'm').exec(text)?.[1];
    const nsis = block('nsis');
    expect({
      oneClick: value(nsis, 'oneClick'),
      allowToChangeInstallationDirectory: value(nsis, 'allowToChangeInstallationDirectory'),
      createDesktopShortcut: value(nsis, 'createDesktopShortcut'),
      createStartMenuShortcut: value(nsis, 'createStartMenuShortcut'),
      shortcutName: value(nsis, 'shortcutName'),
      runAfterFinish: value(nsis, 'runAfterFinish'),
      language: value(nsis, 'language'),
      deleteAppDataOnUninstall: value(nsis, 'deleteAppDataOnUninstall'),
    }).toEqual({
      oneClick: 'false',
      allowToChangeInstallationDirectory: 'true',
      createDesktopShortcut: 'true',
      createStartMenuShortcut: 'true',
      shortcutName: '一企一策党建台账',
      runAfterFinish: 'true',
      language: '2052',
      deleteAppDataOnUninstall: 'false',
    });
    expect(nsis).toMatch(/installerLanguages:\n\s+- zh_CN\n/);
    const association = block('fileAssociations');
    expect({ ext: value(association, 'ext'), name: value(association, 'name') }).toEqual({
      ext: 'yqyc',
      name: '一企一策台账',
    });
  });
});
