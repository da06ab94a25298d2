import { Col, Form, Input, Typography } from 'antd';
import { Field, FlagsRow, NumberField, Section } from './fields';

/** 业主身份清. */
export function OwnerSection() {
  return (
    <Section title="业主身份清">
      <Field name="ownerName" span={8}>
        <Input />
      </Field>
      <FlagsRow
        label="业主身份"
        span={16}
        flags={[
          { name: 'ownerIsMember', text: '是党员' },
          { name: 'ownerIsSecretary', text: '兼任企业党组织书记' },
          { name: 'ownerIsDeputy', text: '是“两代表一委员”' },
        ]}
      />
      <Field name="contactName" span={8}>
        <Input />
      </Field>
      <Field name="contactPhone" span={8} validateTrigger="onBlur">
        <Input placeholder="手机或固定电话" />
      </Field>
    </Section>
  );
}

/**
 * 党员数量清. 正式 and 预备 count every member working here; where their 组织关系 sit is a breakdown of that same
 * total, which the cross-field rules compare against it.
 */
export function MembersSection() {
  const full = Form.useWatch<number | null | undefined>('fullMembers') ?? 0;
  const probationary = Form.useWatch<number | null | undefined>('probationaryMembers') ?? 0;
  return (
    <Section title="党员数量清">
      <NumberField name="fullMembers" unit="名" placeholder="0" />
      <NumberField name="probationaryMembers" unit="名" placeholder="0" />
      <NumberField name="activists" unit="名" placeholder="0" />
      <Col span={24}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          组织关系所在（是上面党员合计 {full + probationary} 名的分列，不详可不填）
        </Typography.Paragraph>
      </Col>
      <NumberField name="membersInEnterprise" unit="名" label="在本企业" />
      <NumberField name="membersInTalentAgency" unit="名" label="在人才职介机构" />
      <NumberField name="membersAtOrigin" unit="名" label="在原单位或街道社区" />
      <NumberField name="membersTemporary" unit="名" label="临时组织关系" />
      <NumberField name="membersFloating" unit="名" label="亮身份/流动党员" />
    </Section>
  );
}
