import { Form, Input, Rate, Select } from 'antd';
import { FORMATION_METHODS, ORG_SETTINGS } from '../../../shared/domain/labels';
import type { Lookups } from '../../../shared/domain/lookups';
import { ChoiceField, DateField, Field, FlagsRow, NumberField, Section } from './fields';

/**
 * 组织设置清 · 隶属关系清. The reason for having no organisation, and the venue's area, are asked only when they
 * apply — but a value already typed stays visible, so nothing is kept that the clerk cannot see.
 */
export function OrganisationSection() {
  const orgSetting = Form.useWatch('orgSetting');
  const noOrgReason = Form.useWatch('noOrgReason');
  const hasVenue = Form.useWatch('hasVenue');
  const venueArea = Form.useWatch('venueArea');
  return (
    <Section title="组织设置清 · 隶属关系清">
      <ChoiceField name="orgSetting" labels={ORG_SETTINGS} />
      <Field name="partyOrgName" span={16}>
        <Input placeholder="单独建立、联合建立或挂靠的党组织全称" />
      </Field>
      <Field name="superiorOrgName" span={16}>
        <Input placeholder="例如：镇两新组织党工委、工业园区党总支" />
      </Field>
      {(orgSetting === 'none' || !!noOrgReason) && (
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

/** 组建方向清: the method planned for an enterprise without its own organisation. */
export function FormationSection() {
  return (
    <Section title="组建方向清">
      <ChoiceField name="formationDirection" labels={FORMATION_METHODS} optional />
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
          notFoundContent="还没有指导员，可在“设置”中添加"
        />
      </Field>
      <FlagsRow label="培育" span={8} flags={[{ name: 'keyCultivation', text: '重点培育（“双强”对象）' }]} />
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
