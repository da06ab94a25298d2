import type { OrgSetting } from '../../../../shared/domain/labels';
import { areaTypeOf } from '../../../../shared/excel/synonyms';
import { areaInput } from '../../../../shared/ipc/settings';
import { areasTable } from '../../db/tables';
import type { Effects } from './effects';
import type { OrgCells } from './enterpriseOrgs';
import { nameKey, onlyOne, type LedgerIndex } from './ledgerIndex';
import type { ReadCell } from './rowFields';
import type { RowResult, Tally } from './rowResult';

/** The ledger's lists a row names, resolved to ids (an area the clerk agreed to add is created once accepted). */
export interface RowRefs {
  /** Undefined when the row does not say; `pending` when it names an area to be added. */
  areaId?: number;
  pendingArea?: string;
  workGroupId?: number;
  instructorId?: number;
  leaderId?: number;
  org: OrgCells;
}

/** A stand-in for an area that is only created once its row is accepted: any valid id passes the schema. */
export const PENDING_AREA_ID = Number.MAX_SAFE_INTEGER;

const LISTS = {
  workGroupId: { what: '推进组', map: 'workGroups', where: '请先在“设置”中添加该推进组，或改为已有推进组' },
  instructorId: {
    what: '党建工作指导员',
    map: 'instructors',
    where: '请先导入或添加该指导员，或改为已有指导员',
  },
  leaderId: { what: '联系领导', map: 'leaders', where: '请先导入或添加该联系领导，或改为已有联系领导' },
} as const;

export function resolveRefs(
  cells: ReadonlyMap<string, ReadCell>,
  index: LedgerIndex,
  addAreas: { has(areaKey: string): boolean },
  result: RowResult,
  tally: Tally,
): RowRefs {
  const refs: RowRefs = { org: { setting: null, name: null } };
  const area = textOf(cells.get('areaId'));
  if (area) {
    const known = index.areas.get(nameKey(area.value));
    if (index.addedAreas.has(nameKey(area.value))) tally.unknownArea(area.value);
    if (known !== undefined) refs.areaId = known;
    else {
      tally.unknownArea(area.value);
      const valid = areaInput.safeParse({ name: area.value, type: areaTypeOf(area.value) });
      if (!valid.success) result.reject(area.column, area.value, valid.error.issues[0]?.message ?? '区域名称无效');
      else if (addAreas.has(nameKey(area.value))) {
        refs.areaId = PENDING_AREA_ID;
        refs.pendingArea = valid.data.name;
      } else {
        result.reject(
          area.column,
          area.value,
          `所在区域“${area.value}”不在台账的区域列表中；如需新增，请在预览上方点该区域旁的“添加”（命令行加 --create-missing）`,
        );
      }
    }
  }
  for (const key of ['workGroupId', 'instructorId', 'leaderId'] as const) {
    const named = textOf(cells.get(key));
    if (!named) continue;
    const list = LISTS[key];
    const found = onlyOne(index[list.map].get(nameKey(named.value)));
    if (found.kind === 'one') refs[key] = found.id;
    else if (found.kind === 'none') {
      result.reject(named.column, named.value, `${list.what}“${named.value}”在台账中不存在，${list.where}`);
    } else {
      result.reject(
        named.column,
        named.value,
        `台账中有${found.count}个名为“${named.value}”的${list.what}，无法确定是哪一个，请在台账中区分姓名后再导入`,
      );
    }
  }
  const setting = cells.get('orgSetting');
  if (setting?.read.kind === 'value') {
    refs.org.setting = { value: setting.read.value as OrgSetting, column: setting.column, text: setting.text };
  }
  const org = textOf(cells.get('partyOrgId'));
  if (org) refs.org.name = org;
  return refs;
}

function textOf(cell: ReadCell | undefined): { value: string; column: string } | null {
  if (!cell || cell.read.kind !== 'value' || typeof cell.read.value !== 'string' || cell.read.value === '') return null;
  return { value: cell.read.value, column: cell.column };
}

/** Areas are added at the end of the township's list, in the order rows first name them. */
export class AreaMaker {
  private nextOrder: number | null = null;

  constructor(private readonly index: LedgerIndex) {}

  make(name: string, fx: Effects): number {
    const existing = this.index.areas.get(nameKey(name));
    if (existing !== undefined) return existing;
    let id: number;
    if (fx.tx) {
      this.nextOrder ??= fx.tx.db
        .prepare('SELECT coalesce(max(sort_order), -1) + 1 FROM areas')
        .pluck()
        .get() as number;
      id = fx.tx.insert(areasTable, { name, type: areaTypeOf(name), zoneId: null, sortOrder: this.nextOrder++ });
    } else id = fx.newId();
    this.index.areas.set(nameKey(name), id);
    this.index.addedAreas.add(nameKey(name));
    return id;
  }
}
