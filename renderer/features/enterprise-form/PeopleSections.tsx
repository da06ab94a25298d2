import { Alert, Col, Form, Input, Typography } from 'antd';
import { ROSTER_COUNT_FIELDS } from '../../../shared/domain/enterprise';
import { personalRule, PersonalInput } from '../../components/PersonalInput';
import { Field, FlagsRow, NumberField, Section } from './fields';
import { rulesFor, type FieldName } from './formModel';

/** 业主身份清. `enterpriseId` is null for a new enterprise (its 联系电话 has nothing stored to mask). */
export function OwnerSection({ enterpriseId }: { enterpriseId: number | null }) {
  return (
    <Section title="业主身份清">
      <Field name="ownerName" span={8}>
        <Input />
      </Field>
      <FlagsRow
        label="业主身份"
        span={16}
        help="ownerIsMember"
        flags={[
          { name: 'ownerIsMember', text: '是党员' },
          { name: 'ownerIsSecretary', text: '兼任企业党组织书记' },
          { name: 'ownerIsDeputy', text: '是“两代表一委员”' },
        ]}
      />
      <Field name="contactName" span={8}>
        <Input />
      </Field>
      <Field name="contactPhone" span={8} validateTrigger="onBlur" rules={rulesFor('contactPhone').map(personalRule)}>
        <PersonalInput
          entity="enterprise"
          recordId={enterpriseId}
          field="contactPhone"
          placeholder="手机或固定电话"
          testId="enterprise-contact-phone"
        />
      </Field>
    </Section>
  );
}

const FROM_ROSTER = '由党员名册统计';
const ROSTER_FIELDS: ReadonlySet<string> = new Set(ROSTER_COUNT_FIELDS);

/**
 * 党员数量清. 正式 and 预备 count every member working here; where their 组织关系 sit is a breakdown of that same
 * total, which the cross-field rules compare against it. While the enterprise keeps a roster these counts are the
 * roster's (ROSTER_COUNT_FIELDS): shown, not typed.
 */
export function MembersSection({ rosterKept }: { rosterKept: boolean }) {
  const full = Form.useWatch<number | null | undefined>('fullMembers') ?? 0;
  const probationary = Form.useWatch<number | null | undefined>('probationaryMembers') ?? 0;
  // Spread on every count field: those the roster derives are then shown, not typed.
  const counted = (name: FieldName) =>
    rosterKept && ROSTER_FIELDS.has(name) ? { name, disabled: true, extra: FROM_ROSTER } : { name };
  return (
    <Section title="党员数量清">
      {rosterKept && (
        <Col span={24}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`党员人数${FROM_ROSTER}：请在企业详情的“党员名册”中添加、转接或删除党员，这里不能直接修改。`}
            data-testid="roster-count-hint"
          />
        </Col>
      )}
      <NumberField {...counted('fullMembers')} unit="名" placeholder="0" />
      <NumberField {...counted('probationaryMembers')} unit="名" placeholder="0" />
      <NumberField name="activists" unit="名" placeholder="0" />
      <Col span={24}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          组织关系所在（是上面党员合计 {full + probationary} 名的分列，不详可不填）
        </Typography.Paragraph>
      </Col>
      <NumberField {...counted('membersInEnterprise')} unit="名" label="在本企业" />
      <NumberField {...counted('membersInTalentAgency')} unit="名" label="在人才职介机构" />
      <NumberField {...counted('membersAtOrigin')} unit="名" label="在原单位或街道社区" />
      <NumberField {...counted('membersTemporary')} unit="名" label="临时组织关系" />
      <NumberField {...counted('membersFloating')} unit="名" label="亮身份/流动党员" />
    </Section>
  );
}
