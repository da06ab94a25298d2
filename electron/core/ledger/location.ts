import { execFileSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors';

/**
 * Where a ledger may live. SQLite's locking and its write-ahead log rely on the local file system: on a network
 * share two computers can both believe they hold the write lock, and a sync client (OneDrive, 坚果云 …) uploads
 * the main file and its -wal separately or "resolves conflicts" by replacing the file — either way a ledger can be
 * torn. So such places are refused with the reason, and the clerk is offered a copy in a local folder instead.
 */
export type LedgerLocation = { kind: 'local' } | { kind: 'network'; what: string } | { kind: 'cloud'; what: string };

/** statfs f_type magic numbers of network and user-space file systems (Linux/UOS; see statfs(2)). */
const NETWORK_FS_TYPES: ReadonlyMap<number, string> = new Map([
  [0x6969, 'NFS 网络共享'],
  [0x517b, 'SMB 网络共享'],
  [0xff534d42, 'CIFS 网络共享'],
  [0xfe534d42, 'SMB2 网络共享'],
  [0x65735546, 'FUSE 挂载（网络或网盘）'],
  [0x564c, 'NCP 网络共享'],
  [0x6b414653, 'AFS 网络文件系统'],
  [0x01161970, 'GFS2 集群文件系统'],
  [0x00c36400, 'Ceph 网络文件系统'],
  [0x47504653, 'GPFS 集群文件系统'],
  [0x0bd00bd0, 'Lustre 网络文件系统'],
  [0x73757245, 'Coda 网络文件系统'],
  [0x7461636f, 'OCFS2 集群文件系统'],
  [0x013111a8, 'IBRIX 网络文件系统'],
]);

/**
 * Folder names the well-known sync clients create, matched as whole path segments (case-insensitive, and by
 * prefix for the ones that add a suffix such as "OneDrive - 某某公司").
 */
const CLOUD_FOLDERS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /^onedrive( - .*)?$/i, what: 'OneDrive 同步文件夹' },
  { pattern: /^dropbox( \(.*\))?$/i, what: 'Dropbox 同步文件夹' },
  { pattern: /^icloud ?drive$/i, what: 'iCloud 云盘文件夹' },
  { pattern: /^com~apple~clouddocs$/i, what: 'iCloud 云盘文件夹' },
  { pattern: /^google ?drive$|^我的云端硬盘$|^my drive$/i, what: 'Google 云端硬盘文件夹' },
  { pattern: /^坚果云|^nutstore/i, what: '坚果云同步文件夹' },
  { pattern: /^百度网盘同步空间|^baidunetdisk|^百度云同步盘/i, what: '百度网盘同步空间' },
  { pattern: /^wps云盘|^wps ?cloud|^wpsdrive/i, what: 'WPS 云盘' },
  { pattern: /^腾讯微云|^weiyun/i, what: '腾讯微云同步文件夹' },
  { pattern: /^阿里云盘|^aliyundrive/i, what: '阿里云盘同步文件夹' },
  { pattern: /^seafile|^私有云盘/i, what: 'Seafile 同步文件夹' },
  { pattern: /^nextcloud$|^owncloud$/i, what: 'Nextcloud/ownCloud 同步文件夹' },
  { pattern: /^box sync$/i, what: 'Box 同步文件夹' },
  { pattern: /^syncthing$/i, what: 'Syncthing 同步文件夹' },
];

/**
 * Pure: classifies a ledger's path (and, when known, the statfs type of its folder). `\\server\share\…` and
 * `//server/share/…` are network shares; Windows reports no statfs magic, so a mapped drive letter comes in as
 * `remoteDrive` (from `net use`).
 */
export function classifyLocation(path: string, fsType: number | null = null, remoteDrive = false): LedgerLocation {
  if (/^(\\\\|\/\/)(?![?.][\\/])[^\\/]+[\\/][^\\/]+/.test(path))
    return { kind: 'network', what: '网络共享（UNC 路径）' };
  if (/^\\\\\?\\UNC\\/i.test(path)) return { kind: 'network', what: '网络共享（UNC 路径）' };
  if (remoteDrive) return { kind: 'network', what: '映射的网络驱动器' };
  if (fsType !== null) {
    const what = NETWORK_FS_TYPES.get(fsType >>> 0);
    if (what) return { kind: 'network', what };
  }
  for (const segment of path.split(/[\\/]+/)) {
    const hit = CLOUD_FOLDERS.find((c) => c.pattern.test(segment.trim()));
    if (hit) return { kind: 'cloud', what: hit.what };
  }
  return { kind: 'local' };
}

/**
 * Pure: the drive letters `net use` lists as mapped to a share, e.g. `OK           Z:        \\server\党建`.
 * Status words are localised (OK, 已断开 / Disconnected, 不可用 / Unavailable), so only the letter and the
 * `\\` remote that follows it are read.
 */
export function parseNetUse(output: string): Set<string> {
  const letters = new Set<string>();
  for (const line of output.split(/\r?\n/)) {
    const m = /(?:^|\s)([A-Za-z]):\s+\\\\/.exec(line);
    if (m) letters.add(m[1]!.toUpperCase());
  }
  return letters;
}

/** Windows only: is the path on a drive letter mapped to a network share? Unknown (no `net`) counts as local. */
function onMappedDrive(path: string): boolean {
  const letter = /^([A-Za-z]):/.exec(path)?.[1];
  if (process.platform !== 'win32' || !letter) return false;
  try {
    const out = execFileSync('net', ['use'], { encoding: 'utf8', windowsHide: true, timeout: 3000 });
    return parseNetUse(out).has(letter.toUpperCase());
  } catch {
    return false;
  }
}

/** The folder's file-system type as statfs reports it, or null where it cannot say (Windows, a missing folder). */
function fsTypeOf(path: string): number | null {
  if (process.platform === 'win32') return null;
  try {
    return Number(statfsSync(dirname(path)).type);
  } catch {
    return null;
  }
}

export function locationOf(path: string): LedgerLocation {
  return classifyLocation(path, fsTypeOf(path), onMappedDrive(path));
}

export function unsafeLocationMessage(location: Exclude<LedgerLocation, { kind: 'local' }>): string {
  const place = location.kind === 'network' ? `网络位置（${location.what}）` : `云同步文件夹（${location.what}）`;
  return (
    `此台账位于${place}。在这类位置，数据库的文件锁不可靠，同步程序或其他电脑同时改动时台账可能损坏，` +
    '为保护数据不能在此直接打开。可以选择“复制到本机”，把它复制到本机的台账文件夹后再使用。'
  );
}

/** Refuses a ledger outside the local disk with the reason; the original file is not touched. */
export function assertLocalLocation(path: string): void {
  const location = locationOf(path);
  if (location.kind !== 'local') throw new AppError('UNSAFE_LOCATION', unsafeLocationMessage(location));
}
