import { Form, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { suggestFormation, type FormationSuggestion } from '../../../shared/domain/formationSuggestion';
import { FORMATION_METHODS, type FormationMethod } from '../../../shared/domain/labels';
import type { Lookups } from '../../../shared/domain/lookups';
import { orgSettingOf } from '../../../shared/domain/partyRules';
import { sizeBand } from '../../../shared/domain/sizeBand';
import { call } from '../../api/client';

/** A linked enterprise as the rule reads it: its name and whether it has an organisation. */
interface Linked {
  id: number;
  name: string;
  hasOrg: boolean;
}

/**
 * The 商会/行业协会 or 龙头企业 chosen on the form, read from the core when the choice changes: the rule needs to know
 * whether it has an organisation, which only its own record says.
 */
function useLinked(id: number | null): Linked | null {
  const [linked, setLinked] = useState<Linked | null>(null);
  useEffect(() => {
    if (id === null) return;
    let live = true;
    call('enterprises:get', { id }).then(
      (d) => live && setLinked({ id: d.id, name: d.name, hasOrg: d.orgSetting !== 'none' }),
      // Gone or unreadable: the suggestion goes without it, and saving says what is wrong with the choice.
      () => live && setLinked(null),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return id !== null && linked?.id === id ? linked : null;
}

const numberOr = <T,>(v: unknown, blank: T): number | T => (typeof v === 'number' && v >= 0 ? v : blank);
const idOrNull = (v: unknown) => (typeof v === 'number' && v > 0 ? v : null);

/**
 * What the rule suggests for the facts on the form as they stand, by the same pure function and the same facts the
 * core uses for the saved record (area type, the organisation's setting, the association and the lead): the clerk
 * sees the suggestion move as they type. null while the lists it needs are loading, or for 单独建立.
 */
function useLiveSuggestion(lookups: Lookups | null): FormationSuggestion | 'standalone' | null {
  const fullMembers: unknown = Form.useWatch('fullMembers');
  const membersFloating: unknown = Form.useWatch('membersFloating');
  const employees: unknown = Form.useWatch('employees');
  const revenue: unknown = Form.useWatch('revenue');
  const areaId: unknown = Form.useWatch('areaId');
  const partyOrgId: unknown = Form.useWatch('partyOrgId');
  const association = useLinked(idOrNull(Form.useWatch('associationId')));
  const lead = useLinked(idOrNull(Form.useWatch('leadEnterpriseId')));
  const area = lookups?.areas.find((a) => a.id === areaId);
  if (!lookups || !area) return null;
  const org = lookups.partyOrgs.find((o) => o.id === partyOrgId) ?? null;
  const orgSetting = orgSettingOf(org);
  if (orgSetting === 'standalone') return 'standalone';
  const staff = numberOr(employees, null);
  return suggestFormation({
    fullMembers: numberOr(fullMembers, 0),
    membersFloating: numberOr(membersFloating, null),
    employees: staff,
    sizeBand: sizeBand(staff, numberOr(revenue, null)),
    orgSetting,
    areaType: area.type,
    areaName: area.name,
    association: association && { name: association.name, hasOrg: association.hasOrg },
    leadEnterprise: lead && { name: lead.name, hasOrg: lead.hasOrg },
  });
}

/** Beside 组建方向: the suggested method and why, and a plain note when the clerk's choice differs from it. */
export function FormationHint({ lookups }: { lookups: Lookups | null }) {
  const suggestion = useLiveSuggestion(lookups);
  const direction = Form.useWatch<FormationMethod | null | undefined>('formationDirection');
  if (suggestion === null) return null;
  if (suggestion === 'standalone') {
    return (
      <Typography.Text type="secondary" data-testid="enterprise-formation-suggestion">
        已单独建立党组织，无需组建建议
      </Typography.Text>
    );
  }
  const differs = direction != null && direction !== suggestion.method;
  return (
    <div data-testid="enterprise-formation-suggestion">
      <Space size={4} wrap>
        <Typography.Text type="secondary">建议：</Typography.Text>
        <Tag color="blue">{FORMATION_METHODS[suggestion.method]}</Tag>
        {differs && (
          <Tag color="warning" data-testid="enterprise-formation-differs">
            与建议不同
          </Tag>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
        {suggestion.reason}
      </Typography.Paragraph>
    </div>
  );
}
