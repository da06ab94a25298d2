import { describe, expect, test } from 'vitest';
import {
  backupFileName,
  backupStamp,
  backupsToKeep,
  parseBackupFileName,
  type BackupName,
  type RotationPolicy,
} from '../../shared/domain/backupRotation';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute, 0);
const backup = (when: Date, seq = 1): BackupName => ({
  ledger: '长乐镇',
  stamp: backupStamp(when),
  reason: 'daily',
  seq,
});

/**
 * The promise in words, computed independently of the rotation: today's `keepToday` newest, then the newest of
 * each earlier day, most recent day first, cut to `maxTotal`.
 */
function promised(all: { when: Date; b: BackupName }[], now: Date, policy: RotationPolicy): string[] {
  const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();
  const today = all.filter((x) => sameDay(x.when, now)).sort((x, y) => +y.when - +x.when);
  const byDay = new Map<string, { when: Date; b: BackupName }>();
  for (const x of all.filter((x) => x.when < new Date(now.getFullYear(), now.getMonth(), now.getDate()))) {
    const prev = byDay.get(x.when.toDateString());
    if (!prev || prev.when < x.when) byDay.set(x.when.toDateString(), x);
  }
  const earlier = [...byDay.values()].sort((x, y) => +y.when - +x.when);
  return [...today.slice(0, policy.keepToday), ...earlier].slice(0, policy.maxTotal).map((x) => backupFileName(x.b));
}

describe('backup rotation', () => {
  test.each([
    { keepToday: 3, maxTotal: 10 },
    { keepToday: 1, maxTotal: 4 },
    { keepToday: 5, maxTotal: 30 },
    { keepToday: 3, maxTotal: 3 },
  ])('keeps exactly the promised set after every backup over 40 days (%o)', (policy) => {
    // Rotation runs after each backup, on what the previous rotations left: the set must match the promise each time.
    let kept: { when: Date; b: BackupName }[] = [];
    const everything: { when: Date; b: BackupName }[] = [];
    for (let day = 1; day <= 40; day++) {
      // A varying number of backups a day (0 to 6): an import-heavy day, a day the program was not opened.
      const perDay = day % 5 === 0 ? 0 : (day * 3) % 7;
      for (let i = 0; i < perDay; i++) {
        const when = new Date(2026, 0, day, 8 + i, (day * 11) % 60);
        const made = { when, b: backup(when) };
        everything.push(made);
        const candidates = [...kept, made];
        const keepNames = new Set(
          backupsToKeep(
            candidates.map((c) => c.b),
            when,
            policy,
          ).map(backupFileName),
        );
        kept = candidates.filter((c) => keepNames.has(backupFileName(c.b)));
        // Judged on what was on disk: a backup the cap removed earlier cannot come back.
        expect([...keepNames]).toEqual(promised(candidates, when, policy));
        // While the cap has not bitten, that is the same as the promise over every backup ever made.
        if (policy.maxTotal >= 30) expect([...keepNames]).toEqual(promised(everything, when, policy));
        expect(kept.length).toBeLessThanOrEqual(policy.maxTotal);
        // The backup just made is always among those kept.
        expect(keepNames.has(backupFileName(made.b))).toBe(true);
      }
    }
    expect(everything.length).toBeGreaterThan(60);
  });

  test('3 from today, 1 a day, at most 10: the concrete case', () => {
    const list: BackupName[] = [];
    for (let day = 1; day <= 14; day++) for (const hour of [9, 12, 17]) list.push(backup(at(day, hour)));
    for (const hour of [8, 10, 11, 15]) list.push(backup(at(15, hour)));
    const kept = backupsToKeep(list, at(15, 16), { keepToday: 3, maxTotal: 10 }).map((b) => b.stamp);
    expect(kept).toEqual([
      '20261115-150000',
      '20261115-110000',
      '20261115-100000',
      ...[14, 13, 12, 11, 10, 9, 8].map((d) => `202611${String(d).padStart(2, '0')}-170000`),
    ]);
  });

  test('backups dated after today (a clock set back) count as today, not as the oldest', () => {
    const list = [backup(at(20, 9)), backup(at(10, 9)), backup(at(9, 9))];
    const kept = backupsToKeep(list, at(10, 12), { keepToday: 1, maxTotal: 10 }).map((b) => b.stamp);
    expect(kept).toEqual(['20261120-090000', '20261109-090000']);
  });

  test('two backups in the same second are ordered by their sequence number', () => {
    const list = [backup(at(5, 9), 1), backup(at(5, 9), 2), backup(at(5, 9), 3)];
    expect(backupsToKeep(list, at(5, 10), { keepToday: 2, maxTotal: 10 }).map((b) => b.seq)).toEqual([3, 2]);
  });
});

describe('backup file names', () => {
  test('round trip, with a ledger name that has dashes and a same-second sequence', () => {
    const name: BackupName = { ledger: '长乐镇-2026-副本', stamp: '20261121-083005', reason: 'before-import', seq: 2 };
    expect(backupFileName(name)).toBe('长乐镇-2026-副本-20261121-083005-导入前(2).yqyc');
    expect(parseBackupFileName(backupFileName(name))).toEqual(name);
    expect(parseBackupFileName('长乐镇-20261121-083005-恢复前.yqyc')).toEqual({
      ledger: '长乐镇',
      stamp: '20261121-083005',
      reason: 'before-restore',
      seq: 1,
    });
  });

  test.each([
    '长乐镇.yqyc',
    '长乐镇-20261121-083005-随便.yqyc',
    '长乐镇-20261321-083005-每日.yqyc',
    '长乐镇-20261121-256005-每日.yqyc',
    '长乐镇-20261121-083005-每日.yqyc.tmp',
    '长乐镇-20261121-083005-恢复前-未校验.yqyc',
    '长乐镇-20261121-083005-每日(1).yqyc',
  ])('%s is not a backup name (never listed, never removed)', (file) => {
    expect(parseBackupFileName(file)).toBeNull();
  });

  test('stamps are local time', () => {
    expect(backupStamp(new Date(2026, 0, 2, 3, 4, 5))).toBe('20260102-030405');
  });
});
