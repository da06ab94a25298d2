import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, test } from 'vitest';
import type { PlanDetail } from '../../shared/domain/plans';
import type { YearClosing } from '../../shared/domain/yearTurn';
import type { RecentLedger } from '../../shared/ipc/ledgers';
import type { SnapshotItem } from '../../shared/ipc/stats';
import { useStatsLedger } from './statsSetup';

const t = useStatsLedger();

const plan = (enterpriseId: number, year: number, more: Record<string, unknown> = {}) =>
  t.call<PlanDetail>('plans:save', {
    input: {
      enterpriseId,
      year,
      startOn: `${year}-03-01`,
      measures: ['上门宣传组建政策'],
      method: 'village-joint',
      ...more,
    },
  });

const assess = (enterpriseId: number, year: number) =>
  t.call('assessments:save', {
    input: {
      enterpriseId,
      year,
      scores: {
        production: 12,
        growth: 12,
        ecology: 12,
        labour: 12,
        culture: 12,
        responsibility: 12,
        partyBuilding: 8,
      },
      hard: { hasOrg: false, hasVenue: true, fundingInBudget: false, noViolation: true },
      assessedOn: '2026-06-30',
    },
  });

const planYear = (id: number) => t.call<PlanDetail>('plans:get', { id }).then((p) => p.year);

describe('年度结转', () => {
  test('closes a year: snapshot, archive copy, open plans into the next year, next year’s assessments started', async () => {
    const a = await t.enterprise('安达机械有限公司', { fullMembers: 2 });
    const b = await t.enterprise('宝丰纺织有限公司', { fullMembers: 1 });
    const c = await t.enterprise('长虹电子有限公司', { fullMembers: 1, hasVenue: true });
    // a: an open 2026 plan, carried. b: open in 2026 but already open in 2027 too, so kept where it is.
    // c: its 2026 plan is shelved (not open), so stays in 2026.
    const pa = await plan(a, 2026);
    const pb = await plan(b, 2026);
    await plan(b, 2027);
    const pc = await plan(c, 2026);
    await t.call('plans:transition', { id: pc.id, action: 'shelve', reason: '企业停产' });
    await assess(a, 2026);
    await assess(c, 2026);

    const closing = await t.call<YearClosing>('year:close', { year: 2026 });
    expect(closing).toMatchObject({ year: 2026, carriedPlans: 1, keptPlans: 1, startedAssessments: 2 });
    expect(await planYear(pa.id)).toBe(2027);
    expect(await planYear(pb.id)).toBe(2026);
    expect(await planYear(pc.id)).toBe(2026);

    // Closing before 31 December freezes today's figures, labelled for the year.
    const snapshots = await t.call<SnapshotItem[]>('snapshots:list');
    expect(snapshots.find((s) => s.id === closing.snapshotId)).toMatchObject({
      takenOn: '2026-11-21',
      label: '2026年度结转',
    });

    // The 2027 assessments wait to be scored; their hard indicators come from the ledger (c has a venue).
    const started = await t.call<
      { enterpriseId: number; total: number; assessedOn: string | null; hard: Record<string, boolean> }[]
    >('assessments:list', { year: 2027 });
    expect(started.map((r) => r.enterpriseId).sort()).toEqual([a, c].sort());
    for (const r of started) expect(r).toMatchObject({ total: 0, assessedOn: null });
    expect(started.find((r) => r.enterpriseId === c)!.hard.hasVenue).toBe(true);

    // The archive is a whole ledger as it was before the carrying: a's plan is still of 2026 there.
    // The data folder is the one the ledgers folder is in.
    const [recent] = await t.call<RecentLedger[]>('ledgers:listRecent');
    const archive = join(dirname(recent!.folder), 'archives', closing.archiveName);
    expect(existsSync(archive)).toBe(true);
    const copy = new Database(archive, { readonly: true });
    try {
      expect(copy.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      expect(copy.prepare('SELECT year FROM plans WHERE id = ?').pluck().get(pa.id)).toBe(2026);
    } finally {
      copy.close();
    }
  });

  test('a year is closed once, and a year not yet begun not at all', async () => {
    await t.call('year:close', { year: 2026 });
    expect((await t.errorOf('year:close', { year: 2026 })).message).toBe('2026年度已经结转过，不能重复结转');
    expect((await t.errorOf('year:close', { year: 2027 })).message).toBe('2027年尚未开始，不能结转');
    expect(await t.call<YearClosing[]>('year:closings')).toHaveLength(1);
  });

  test('the carrying is one undoable step; undo puts the plans back in their year', async () => {
    const a = await t.enterprise('安达机械有限公司', { fullMembers: 2 });
    const pa = await plan(a, 2025, { startOn: '2025-03-01' });
    t.setToday('2026-01-05');
    await t.call('year:close', { year: 2025 });
    expect(await planYear(pa.id)).toBe(2026);
    const step = await t.call<{ batchId: number; action: string }>('changes:lastUndoable');
    expect(step.action).toBe('2025年度结转：方案转入2026年，开始2026年双强评价');
    await t.call('changes:undo', { batchId: step.batchId });
    expect(await planYear(pa.id)).toBe(2025);
  });
});
