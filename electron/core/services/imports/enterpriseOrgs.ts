import { ORG_SETTINGS, PARTY_ORG_TYPES, type OrgSetting } from '../../../../shared/domain/labels';
import { coversManyEnterprises, orgSettingOf } from '../../../../shared/domain/partyRules';
import { orgSettingFromName, partyOrgTypeOf } from '../../../../shared/excel/synonyms';
import { partyOrgInput, type PartyOrgValues } from '../../../../shared/ipc/partyOrgs';
import { partyOrgsTable } from '../../db/tables';
import type { Effects } from './effects';
import { nameKey, type LedgerIndex, type OrgEntry } from './ledgerIndex';
import type { RowResult } from './rowResult';

/** What a row says about its party organisation: the 组织设置 column, the 党组织名称 column, either or both. */
export interface OrgCells {
  setting: { value: OrgSetting; column: string; text: string } | null;
  name: { value: string; column: string } | null;
}

/** The organisation an enterprise is to belong to, or null for 未建立. */
export interface OrgLink {
  orgId: number | null;
  orgSetting: OrgSetting;
  orgName: string | null;
  /** An organisation this row creates once it is accepted (a rejected row creates nothing). */
  pending: PartyOrgValues | null;
}

/**
 * 组织设置 with 党组织名称 creates or links party organisation records by name (domain.md §9): every row naming the
 * same 联合 organisation joins one record; a 单独建立 organisation covers one enterprise; a 挂靠 row names a 属地
 * organisation. The organisation's own type decides the enterprise's 组织设置 (orgSettingOf), so a name that
 * contradicts the setting is refused rather than guessed. Returns undefined when the row says nothing about its
 * organisation, null after rejecting the row.
 */
export function linkOrg(
  cells: OrgCells,
  row: { enterpriseId: number | null; enterpriseName: string; areaId: number | null; current: OrgLink | null },
  index: LedgerIndex,
  result: RowResult,
): OrgLink | null | undefined {
  const { setting, name } = cells;
  if (!setting && !name) return undefined;
  if (setting?.value === 'none') {
    if (name) result.warn(name.column, name.value, `组织设置为“未建立”，党组织名称“${name.value}”未导入`);
    return { orgId: null, orgSetting: 'none', orgName: null, pending: null };
  }
  if (!name) {
    const current = row.current;
    // The enterprise already belongs to an organisation of that setting: nothing to change.
    if (current && current.orgSetting === setting!.value) return current;
    if (setting!.value === 'standalone') {
      return create(`${row.enterpriseName}党支部`, 'standalone', null, row, result, setting!);
    }
    result.reject(
      setting!.column,
      setting!.text,
      `组织设置为“${ORG_SETTINGS[setting!.value]}”，但未填写党组织名称；请填写所${setting!.value === 'joint' ? '在联合党组织' : '挂靠党组织'}的名称，以便关联到同一个党组织`,
    );
    return null;
  }
  const wanted = setting?.value ?? null;
  const existing = index.orgs.get(nameKey(name.value));
  if (!existing) return create(name.value, wanted ?? orgSettingFromName(name.value), name, row, result, setting);
  const actual = orgSettingOf(existing);
  if (wanted && actual !== wanted) {
    const host = existing.host === 'locality' ? '（属地党组织）' : '';
    result.reject(
      setting!.column,
      setting!.text,
      `党组织“${existing.name}”是${PARTY_ORG_TYPES[existing.type]}${host}，属于“${ORG_SETTINGS[actual]}”，与本行组织设置“${ORG_SETTINGS[wanted]}”不符，请核对`,
    );
    return null;
  }
  if (!coversManyEnterprises(existing.host, existing.type)) {
    const other = [...existing.covers].find((id) => id !== row.enterpriseId);
    if (other !== undefined) {
      result.reject(
        name.column,
        name.value,
        `“${existing.name}”是${PARTY_ORG_TYPES[existing.type]}（单独建立），已覆盖“${index.enterpriseName.get(other) ?? ''}”，不能再覆盖其他企业；多家企业共建请填写联合党组织`,
      );
      return null;
    }
  }
  return { orgId: existing.id, orgSetting: actual, orgName: existing.name, pending: null };
}

function create(
  orgName: string,
  setting: Exclude<OrgSetting, 'none'>,
  name: OrgCells['name'],
  row: { areaId: number | null },
  result: RowResult,
  settingCell: OrgCells['setting'],
): OrgLink | null {
  const type = partyOrgTypeOf(orgName, setting);
  const host = setting === 'attached' ? 'locality' : 'enterprise';
  const parsed = partyOrgInput.safeParse({
    name: orgName,
    type,
    host,
    // A 属地 organisation belongs to the village or park the enterprise is in.
    areaId: host === 'locality' && row.areaId !== null && row.areaId > 0 ? row.areaId : null,
  });
  const column = name?.column ?? settingCell?.column ?? '党组织名称';
  if (!parsed.success) {
    result.reject(column, orgName, parsed.error.issues[0]?.message ?? '党组织名称无效');
    return null;
  }
  if (!name) result.warn(column, settingCell?.text ?? '', `未填写党组织名称，将新建“${orgName}”`);
  const entry = { host: parsed.data.host, type: parsed.data.type };
  return { orgId: null, orgSetting: orgSettingOf(entry), orgName: parsed.data.name, pending: parsed.data };
}

/**
 * Creates the organisation an accepted row asked for (or, in a preview, gives it a stand-in id), so every later row
 * naming it links to this one record. Returns the organisation's id.
 */
export function materializeOrg(link: OrgLink, index: LedgerIndex, fx: Effects): number | null {
  if (!link.pending) return link.orgId;
  const values = link.pending;
  const id = fx.tx ? fx.tx.insert(partyOrgsTable, { ...values, createdAt: fx.tx.at, updatedAt: fx.tx.at }) : fx.newId();
  const entry: OrgEntry = { id, name: values.name, type: values.type, host: values.host, covers: new Set() };
  index.addOrg(entry);
  link.orgId = id;
  link.pending = null;
  return id;
}
