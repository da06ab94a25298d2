import { Col, Form, Input, Rate, Select, Space, Typography } from 'antd';
import { FIELD_HELP } from '../../../shared/domain/fieldHelp';
import { FORMATION_METHODS, PARTY_ORG_TYPES } from '../../../shared/domain/labels';
import type { Lookups } from '../../../shared/domain/lookups';
import { orgSettingOf } from '../../../shared/domain/partyRules';
import { OrgSettingTag } from '../ledger/labels';
import { EnterpriseSelect, type EnterpriseOption } from '../people/EnterpriseSelect';
import { ChoiceField, DateField, Field, FlagsRow, NumberField, Section } from './fields';
import { FormationHint } from './FormationHint';

/** The organisation chosen, and the 组织设置 and 隶属关系 that follow from it: shown, never typed. */
function OrgSettingOfChoice({ lookups }: { lookups: Lookups | null }) {
  const partyOrgId = Form.useWatch<number | null | undefined>('partyOrgId');
  const org = partyOrgId == null ? null : (lookups?.partyOrgs.find((o) => o.id === partyOrgId) ?? null);
  const setting = orgSettingOf(org);
  return (
    <>
      <Col span={8}>
        <Form.Item label="组织设置" tooltip={FIELD_HELP.orgSetting}>
          <Space size={4} data-testid="enterprise-org-setting">
            <OrgSettingTag value={setting} />
            {org && <Typography.Text type="secondary">{PARTY_ORG_TYPES[org.type]}</Typography.Text>}
          </Space>
        </Form.Item>
      </Col>
      <Col span={16}>
        <Form.Item label="隶属关系" tooltip={FIELD_HELP.superiorOrg}>
          <Typography.Text type="secondary" data-testid="enterprise-superior-org">
            {/* Pickers know an organisation's name, not its superior: that is shown in the detail once saved. */}
            {!org ? '—' : setting === 'attached' ? org.name : '所选党组织的上级党组织（在“党组织”页填写）'}
          </Typography.Text>
        </Form.Item>
      </Col>
    </>
  );
}

/**
 * 组织设置清 · 隶属关系清. The enterprise points at its party organisation; 组织设置 and 隶属关系 follow from that
 * record. The reason for having no organisation, and the venue's area, are asked only when they apply — but a
 * value already typed stays visible, so nothing is kept that the clerk cannot see.
 */
export function OrganisationSection({ lookups }: { lookups: Lookups | null }) {
  const partyOrgId = Form.useWatch('partyOrgId');
  const noOrgReason = Form.useWatch('noOrgReason');
  const hasVenue = Form.useWatch('hasVenue');
  const venueArea = Form.useWatch('venueArea');
  return (
    <Section title="组织设置清 · 隶属关系清">
      <Field name="partyOrgId" span={16} extra="党组织在“党组织”页维护；组织设置和隶属关系随所选党组织而定">
        <Select
          options={lookups?.partyOrgs.map((o) => ({ value: o.id, label: o.name, type: PARTY_ORG_TYPES[o.type] })) ?? []}
          optionRender={(o) => (
            <span>
              {o.data.label}
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {o.data.type}
              </Typography.Text>
            </span>
          )}
          loading={!lookups}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="未建立党组织"
          notFoundContent="没有匹配的党组织，可在“党组织”页新增"
          data-testid="enterprise-party-org"
        />
      </Field>
      <OrgSettingOfChoice lookups={lookups} />
      {(partyOrgId == null || !!noOrgReason) && (
        <Field name="noOrgReason" span={24}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="例如：无正式党员" />
        </Field>
      )}
      <FlagsRow
        label="活动场所与经费"
        span={16}
        flags={[
          { name: 'hasVenue', text: '有活动场所' },
          { name: 'fundingInBudget', text: '党建经费纳入企业预算' },
        ]}
      />
      {(!!hasVenue || venueArea != null) && <NumberField name="venueArea" unit="平方米" />}
      <FlagsRow
        label="群团组织"
        flags={[
          { name: 'hasUnion', text: '工会' },
          { name: 'hasYouthLeague', text: '共青团' },
          { name: 'hasWomenFederation', text: '妇联' },
        ]}
      />
    </Section>
  );
}

/**
 * 组建方向清: the method planned for an enterprise without its own organisation, beside the method the rule
 * suggests. The 商会/行业协会 and 龙头企业 come first: they are facts the suggestion (行业统建, 龙头领建) reads.
 */
export function FormationSection({
  lookups,
  enterpriseId,
  known,
}: {
  lookups: Lookups | null;
  /** The enterprise being edited, which cannot be its own association or lead; null for a new one. */
  enterpriseId: number | null;
  /** Names of the saved association and lead, so they show before any search. */
  known: EnterpriseOption[];
}) {
  return (
    <Section title="组建方向清">
      <Field name="associationId" span={12} extra="本台账中单位类型为“社会团体”的商会、行业协会">
        <EnterpriseSelect
          kinds={['social-group']}
          excludeId={enterpriseId}
          known={known}
          placeholder="未加入商会/行业协会"
          data-testid="enterprise-association"
        />
      </Field>
      <Field name="leadEnterpriseId" span={12} extra="同一产业链或附近、可带动本企业的龙头企业">
        <EnterpriseSelect
          kinds={['enterprise']}
          excludeId={enterpriseId}
          known={known}
          placeholder="无"
          data-testid="enterprise-lead"
        />
      </Field>
      <ChoiceField name="formationDirection" labels={FORMATION_METHODS} optional />
      <Col span={16}>
        <Form.Item label="组建建议" tooltip={FIELD_HELP.formationMethod}>
          <FormationHint lookups={lookups} />
        </Form.Item>
      </Col>
    </Section>
  );
}

/** 推进与培育: who follows the enterprise up, and how far it has come. */
export function FollowUpSection({ lookups }: { lookups: Lookups | null }) {
  return (
    <Section title="推进与培育">
      <Field name="workGroupId" span={8}>
        <Select
          options={lookups?.workGroups.map((g) => ({ value: g.id, label: g.name })) ?? []}
          loading={!lookups}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="未分组"
          notFoundContent="还没有推进组，可在“设置”中添加"
        />
      </Field>
      <Field name="leaderId" span={8}>
        <Select
          options={
            lookups?.leaders.map((l) => ({
              value: l.id,
              label: l.position ? `${l.name}（${l.position}）` : l.name,
            })) ?? []
          }
          loading={!lookups}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="无联系领导"
          notFoundContent="还没有联系领导，可在“联系领导”页添加"
          data-testid="enterprise-leader"
        />
      </Field>
      <Field name="instructorId" span={8}>
        <Select
          options={
            lookups?.instructors.map((i) => ({
              value: i.id,
              label: i.position ? `${i.name}（${i.position}）` : i.name,
            })) ?? []
          }
          loading={!lookups}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="未选派"
          notFoundContent="还没有指导员，可在“指导员”页添加"
        />
      </Field>
      <FlagsRow
        label="培育"
        span={8}
        help="keyCultivation"
        flags={[{ name: 'keyCultivation', text: '重点培育（“双强”对象）' }]}
      />
      <Field name="starRating" span={8}>
        <Rate allowClear />
      </Field>
      <DateField name="surveyedOn" />
      <Field name="note" span={24}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Field>
    </Section>
  );
}
