// The licences of the packages a build actually ships, written beside the bundle as licences.json for 关于: the
// renderer's from the chunks' modules, the Node bundles' from the packages they import (and what those need). Read
// by the core (`app:about`). Only node_modules is read: nothing is fetched.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// npm runs every build from the project folder; the configs that import this are bundled elsewhere first, so
// this file's own location is no guide.
const ROOT = process.cwd();
const MODULES = join(ROOT, 'node_modules');
const TEXT_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;
const OWN = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The package a module path or import specifier belongs to; null for the app's own files and Node's builtins. */
export function packageOf(id) {
  const inModules = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  if (inModules) return inModules[1].replace('\\', '/');
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0') || id.startsWith('node:')) return null;
  const bare = /^((?:@[^/]+\/)?[^/]+)/.exec(id);
  return bare ? bare[1] : null;
}

function readManifest(name) {
  const file = join(MODULES, name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function licenceId(manifest) {
  const { license, licenses } = manifest;
  if (typeof license === 'string') return license;
  if (license && typeof license.type === 'string') return license.type;
  if (Array.isArray(licenses)) return licenses.map((l) => l.type ?? l).join(' OR ');
  return '未声明';
}

function licenceText(name) {
  const dir = join(MODULES, name);
  const file = readdirSync(dir).find((f) => TEXT_FILE.test(f));
  return file ? readFileSync(join(dir, file), 'utf8') : '';
}

/**
 * The packages bundled, and those left external with every package they depend on at run time (they are shipped
 * from node_modules as they are, dependencies included).
 */
export function collectLicences(bundled, external = []) {
  const seen = new Map();
  const queue = [...external.map((name) => [name, true]), ...bundled.map((name) => [name, false])];
  while (queue.length > 0) {
    const [name, withDependencies] = queue.shift();
    // A package both bundled and external is walked once; the walk that follows dependencies goes first.
    if (seen.has(name) || name === OWN.name) continue;
    const manifest = readManifest(name);
    if (!manifest) continue;
    seen.set(name, {
      name,
      version: manifest.version ?? '',
      licence: licenceId(manifest),
      text: licenceText(name),
    });
    // Electron's own packages only download the runtime, which the installer carries as itself.
    if (withDependencies && name !== 'electron')
      queue.push(...Object.keys(manifest.dependencies ?? {}).map((d) => [d, true]));
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** What 关于 reads: the program's own version with the bundled components. */
export function licenceFile(components) {
  return JSON.stringify({ version: OWN.version, components });
}

export function writeLicences(file, bundled, external) {
  writeFileSync(file, licenceFile(collectLicences(bundled, external)));
}

/** A Rollup/Rolldown plugin: licences.json beside the bundle, from the modules of every chunk it wrote. */
export function licencesPlugin() {
  return {
    name: 'yqyc-licences',
    apply: 'build',
    generateBundle(_options, bundle) {
      const names = new Set();
      const external = new Set();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) {
          const name = packageOf(id);
          if (name && /[\\/]node_modules[\\/]/.test(id)) names.add(name);
        }
        // Packages left external (better-sqlite3 in the desktop main) are shipped from node_modules.
        for (const spec of chunk.imports) {
          const name = packageOf(spec);
          if (name && !spec.endsWith('.js') && readManifest(name)) external.add(name);
        }
      }
      const source = licenceFile(collectLicences([...names], [...external]));
      this.emitFile({ type: 'asset', fileName: 'licences.json', source });
    },
  };
}
