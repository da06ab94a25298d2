import type { Lookups } from '../../../../shared/domain/lookups';
import type { ReportId } from '../../../../shared/excel/kinds';

export type ScopeKind = 'all' | 'area' | 'workGroup';

/** Reports that can be narrowed to one area or one work group: the ledger, the 名册s and the 调查表. */
export const SCOPED_REPORTS: ReadonlySet<ReportId> = new Set<ReportId>([
  'ledger',
  'unorganised',
  'instructors',
  'contacts',
  'survey',
]);

/** The area's or work group's name, for the suggested file name; empty for the whole township. */
export function scopeName(
  scope: ScopeKind,
  areaId: number | undefined,
  workGroupId: number | undefined,
  lookups: Lookups | null,
): string {
  if (scope === 'area') return lookups?.areas.find((a) => a.id === areaId)?.name ?? '';
  if (scope === 'workGroup') return lookups?.workGroups.find((g) => g.id === workGroupId)?.name ?? '';
  return '';
}
