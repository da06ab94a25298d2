import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AboutInfo, BundledComponent } from '../../../shared/ipc/about';
import { readBackupSettings } from '../backup/settings';

interface ListedComponent extends BundledComponent {
  text: string;
}

interface LicenceFile {
  version: string;
  components: ListedComponent[];
}

/**
 * The builds write licences.json beside each bundle (scripts/licences.mjs): the core's beside this worker, the
 * page's in out/renderer next to it. Run from the sources neither exists, and 关于 says 开发版.
 */
const LISTS = ['./licences.json', '../renderer/licences.json'];

let cached: { version: string; components: Map<string, ListedComponent> } | null = null;

function readLists() {
  if (cached) return cached;
  let version = '开发版';
  const components = new Map<string, ListedComponent>();
  for (const list of LISTS) {
    const file = fileURLToPath(new URL(list, import.meta.url));
    if (!existsSync(file)) continue;
    const read = JSON.parse(readFileSync(file, 'utf8')) as LicenceFile;
    version = read.version;
    for (const c of read.components) if (!components.has(c.name)) components.set(c.name, c);
  }
  cached = { version, components };
  return cached;
}

export function aboutInfo(dataDir: string): AboutInfo {
  const { version, components } = readLists();
  return {
    version,
    dataDir,
    backupDir: readBackupSettings(dataDir).folder,
    components: [...components.values()]
      .map(({ name, version: v, licence }) => ({ name, version: v, licence }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export function licenceText(name: string): string {
  return readLists().components.get(name)?.text ?? '';
}
