import type { z } from 'zod';
import type { LedgerSettings } from '../../../shared/domain/ledger';
import type { ReportId } from '../../../shared/excel/kinds';
import { REPORTS } from '../../../shared/excel/kinds';
import { REPORT_SCOPES } from '../../../shared/excel/reportModel';
import type { exportChannels } from '../../../shared/ipc/exports';
import type { Db } from '../db/open';
import { nameOf } from '../db/repos/lookups';
import { getSettings } from '../db/repos/settings';
import { AppError } from '../errors';

export type ExportRequest = z.output<(typeof exportChannels)['exports:run']['request']>;

/** What a report builder is given: the ledger, the day, and the clerk's choices for this export. */
export interface ReportInput {
  db: Db;
  /** 填报日期, YYYY-MM-DD (the clerk's calendar day). */
  today: string;
  settings: LedgerSettings;
  unmask: boolean;
  scope: Scope;
  year: number;
  campaignId: number | null;
  preparer: string;
  reviewer: string;
}

/** Which enterprises a 名册 covers: one area, one work group, both, or the whole township. */
export interface Scope {
  areaId: number | null;
  workGroupId: number | null;
  /** 范围：东门村 — for the 填报单位 line and the export log; empty for the whole township. */
  text: string;
  /** 东门村 — for the file name; null for the whole township. */
  name: string | null;
}

export function scopeOf(db: Db, report: ReportId, req: Pick<ExportRequest, 'areaId' | 'workGroupId'>): Scope {
  const options = REPORT_SCOPES[report];
  if ((req.areaId !== null || req.workGroupId !== null) && !options.includes('area')) {
    throw new AppError('VALIDATION', `${REPORTS[report]}按全镇统计，不能只导出一个区域或推进组`, 'areaId');
  }
  const area = req.areaId === null ? null : nameOf(db, 'areas', req.areaId);
  if (req.areaId !== null && area === null) {
    throw new AppError('NOT_FOUND', '所选区域已不存在，可能已被删除，请刷新后重新选择', 'areaId');
  }
  const group = req.workGroupId === null ? null : nameOf(db, 'work_groups', req.workGroupId);
  if (req.workGroupId !== null && group === null) {
    throw new AppError('NOT_FOUND', '所选推进组已不存在，可能已被删除，请刷新后重新选择', 'workGroupId');
  }
  const names = [area, group].filter((n): n is string => n !== null);
  return {
    areaId: req.areaId,
    workGroupId: req.workGroupId,
    text: names.length ? `范围：${names.join('、')}` : '',
    name: names.length ? names.join('-') : null,
  };
}

export function reportInput(db: Db, report: ReportId, req: ExportRequest, today: string): ReportInput {
  return {
    db,
    today,
    settings: getSettings(db),
    unmask: req.unmask,
    scope: scopeOf(db, report, req),
    year: req.year ?? Number(today.slice(0, 4)),
    campaignId: req.campaignId,
    preparer: req.preparer,
    reviewer: req.reviewer,
  };
}

/**
 * The scope as a condition on enterprises `e`, with its values bound: (? IS NULL OR …) keeps the statement the same
 * whatever is chosen, so it is prepared once.
 */
export const SCOPE_SQL = '(? IS NULL OR e.area_id = ?) AND (? IS NULL OR e.work_group_id = ?)';
export const scopeParams = (s: Scope) => [s.areaId, s.areaId, s.workGroupId, s.workGroupId];

/** The part of a report every table shares: the township's committee as 填报单位, the day, the signatures. */
export function reportHead(input: ReportInput, report: ReportId) {
  return {
    report,
    title: REPORTS[report],
    unit: input.settings.committee,
    date: input.today,
    preparer: input.preparer,
    reviewer: input.reviewer,
  };
}

export const yesNo = (b: boolean) => (b ? '是' : '否');
