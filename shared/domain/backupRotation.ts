/**
 * Backup file names and which backups to keep. Pure, so the promise "3 from today, 1 a day, at most 10" is tested
 * over many days without touching a disk.
 *
 * A backup is named `<台账名>-<YYYYMMDD-HHmmss>-<原因>.yqyc` (a second backup for the same reason in the same second
 * gets `(2)`, `(3)` … before the extension), in local time, so the folder sorts by time and a clerk can read it.
 */

export const BACKUP_REASONS = {
  manual: '手动备份',
  'before-import': '导入前',
  'before-migration': '升级前',
  daily: '每日',
  'before-restore': '恢复前',
  'before-encryption': '加密前',
  'before-decryption': '解密前',
} as const;
export type BackupReason = keyof typeof BACKUP_REASONS;

export interface RotationPolicy {
  /** How many of today's backups are kept (the newest ones). */
  keepToday: number;
  /** How many backups are kept in all, newest first. */
  maxTotal: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { keepToday: 3, maxTotal: 10 };
export const ROTATION_LIMITS = { keepToday: { min: 1, max: 50 }, maxTotal: { min: 1, max: 200 } } as const;

export interface BackupName {
  ledger: string;
  /** `YYYYMMDD-HHmmss`, local time: sorts as time does. */
  stamp: string;
  reason: BackupReason;
  /** 1 for the plain name, n for the `(n)` variant. */
  seq: number;
}

const REASON_BY_LABEL = new Map<string, BackupReason>(
  Object.entries(BACKUP_REASONS).map(([code, label]) => [label, code as BackupReason]),
);
const NAME_PATTERN = /^(.+)-(\d{8}-\d{6})-([^-()]+)(?:\((\d+)\))?\.yqyc$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The stamp of a moment in local time: 20261121-083005. */
export function backupStamp(at: Date): string {
  return (
    `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-` +
    `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  );
}

export function backupFileName(name: BackupName): string {
  const seq = name.seq > 1 ? `(${name.seq})` : '';
  return `${name.ledger}-${name.stamp}-${BACKUP_REASONS[name.reason]}${seq}.yqyc`;
}

/** The parts of a backup's file name, or null for any other file (which is then never listed nor removed). */
export function parseBackupFileName(file: string): BackupName | null {
  const m = NAME_PATTERN.exec(file);
  if (!m) return null;
  const reason = REASON_BY_LABEL.get(m[3]!);
  if (!reason || !isRealStamp(m[2]!)) return null;
  // `(1)` is never written: the first backup of a second has no number, so `(1)` would be a second name for it.
  const seq = m[4] === undefined ? 1 : Number(m[4]);
  if (m[4] !== undefined && (!Number.isSafeInteger(seq) || seq < 2)) return null;
  return { ledger: m[1]!, stamp: m[2]!, reason, seq };
}

function isRealStamp(stamp: string): boolean {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 9, 11, 13].map((at, i) => Number(stamp.slice(at, at + (i === 0 ? 4 : 2))));
  const date = new Date(y!, mo! - 1, d!, h!, mi!, s!);
  return date.getMonth() === mo! - 1 && date.getDate() === d! && h! < 24 && mi! < 60 && s! < 60;
}

/** `2026-11-21 08:30:05` for display. */
export function stampToDisplay(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)} ${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}`;
}

/** Newest first: by stamp, then by sequence number within one second. */
export function compareNewestFirst(a: BackupName, b: BackupName): number {
  if (a.stamp !== b.stamp) return a.stamp < b.stamp ? 1 : -1;
  return b.seq - a.seq;
}

/**
 * Which backups stay: the `keepToday` newest from today (a stamp dated after today — a clock set back — counts as
 * today, so it is never the first to go), the newest of each earlier day, and of those at most `maxTotal`, newest
 * first. Returns the kept ones newest first; every other one may be removed.
 */
export function backupsToKeep<T extends BackupName>(backups: readonly T[], today: Date, policy: RotationPolicy): T[] {
  const todayKey = backupStamp(today).slice(0, 8);
  const sorted = [...backups].sort(compareNewestFirst);
  const kept: T[] = [];
  const daysSeen = new Set<string>();
  let fromToday = 0;
  for (const b of sorted) {
    const day = b.stamp.slice(0, 8);
    if (day >= todayKey) {
      if (fromToday < policy.keepToday) kept.push(b);
      fromToday++;
    } else if (!daysSeen.has(day)) {
      daysSeen.add(day);
      kept.push(b);
    }
  }
  return kept.slice(0, Math.max(0, policy.maxTotal));
}
