import { Col, Drawer, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  FORMATION_METHODS,
  ORG_HOSTS,
  PARTY_ORG_TYPES,
  type FormationMethod,
  type OrgHost,
  type PartyOrgType,
} from '../../../shared/domain/labels';
import type { Lookups } from '../../../shared/domain/lookups';
import type { OrgEnterprise, PartyOrgDetail } from '../../../shared/domain/party';
import { coversManyEnterprises, orgSettingOf, termEndsOn, termYears } from '../../../shared/domain/partyRules';
import { partyOrgInput, type PartyOrgInput } from '../../../shared/ipc/partyOrgs';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { enterMovesToNextField } from '../../components/enterMovesToNextField';
import { validateOrFocusFirstError } from '../../components/formErrors';
import { FormDrawerFooter } from '../../components/FormDrawerFooter';
import { PersonalFormItem } from '../../components/PersonalInput';
import { schemaRule } from '../../components/schemaRule';
import { useDiscardGuard } from '../../components/useDiscardGuard';
import { useFormSaving } from '../../components/useFormSaving';
import { useSavedMessage } from '../../components/useSavedMessage';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { OrgSettingTag } from '../ledger/labels';
import { useLedgerNav } from '../ledger/navigation';
import { EnterpriseSelect } from '../people/EnterpriseSelect';
import { FIELD_HELP } from '../../../shared/domain/fieldHelp';

type InputField = keyof PartyOrgInput;

interface OrgFormValues {
  name?: string;
  type?: PartyOrgType;
  host?: OrgHost;
  areaId?: number | null;
  formationMethod?: FormationMethod | null;
  foundedOn?: string | null;
  approvalNo?: string;
  secretaryName?: string;
  secretarySource?: string;
  secretaryRole?: string;
  secretaryPhone?: string;
  committeeMembers?: string;
  partyWorkers?: string;
  superiorOrgId?: number | null;
  termStartedOn?: string | null;
  note?: string;
  enterpriseIds?: number[];
}

const INPUT_FIELDS = Object.keys(partyOrgInput.shape) as InputField[];

const optionsOf = <K extends string>(labels: Readonly<Record<K, string>>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

const rule = (field: InputField) => [schemaRule(partyOrgInput, field)];

function initialValues(org: PartyOrgDetail | null): OrgFormValues {
  if (!org) return { type: 'branch', host: 'enterprise', enterpriseIds: [] };
  const values: OrgFormValues = Object.fromEntries(INPUT_FIELDS.map((f) => [f, org[f] ?? undefined]));
  return { ...values, enterpriseIds: org.enterprises.map((e) => e.id) };
}

/** `input.name` → `name`; `enterpriseIds` as it is; anything else has no field here. */
function fieldOf(apiField: string | undefined): keyof OrgFormValues | null {
  if (apiField === 'enterpriseIds' || apiField?.startsWith('enterpriseIds.')) return 'enterpriseIds';
  const name = apiField?.startsWith('input.') ? apiField.slice('input.'.length) : null;
  return name !== null && (INPUT_FIELDS as string[]).includes(name) ? (name as InputField) : null;
}

/** The enterprises an organisation covers: many for a 联合 or 属地 one, else one. */
function CoveredEnterprises({
  id,
  value,
  onChange,
  many,
  known,
}: {
  /** From Form.Item, so the label points at the box. */
  id?: string;
  value?: number[];
  onChange?: (v: number[]) => void;
  many: boolean;
  known: OrgEnterprise[];
}) {
  const ids = value ?? [];
  // Several already chosen stay visible as such, so switching the type never drops one unseen.
  return many || ids.length > 1 ? (
    <EnterpriseSelect
      id={id}
      multiple
      known={known}
      value={ids}
      onChange={(v) => onChange?.(v)}
      data-testid="org-enterprises"
    />
  ) : (
    <EnterpriseSelect
      id={id}
      known={known}
      value={ids[0] ?? null}
      onChange={(v) => onChange?.(v === undefined ? [] : [v])}
      data-testid="org-enterprises"
    />
  );
}

interface Props {
  /** null: a new organisation. */
  orgId: number | null;
  /** The organisation as its drawer shows it; required when editing. */
  org?: PartyOrgDetail | null;
  lookups: Lookups | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}

/**
 * 新增/编辑党组织, with the enterprises it covers. Mounted per use, so it starts from the record as it is. Enter
 * moves on, Ctrl+S saves; the core's refusals appear beside the field they name.
 */
export function PartyOrgForm({ orgId, org = null, lookups, onClose, onSaved }: Props) {
  const [form] = Form.useForm<OrgFormValues>();
  const nav = useLedgerNav();
  const showSaved = useSavedMessage();
  const { saving, problem, setProblem, attempt, send } = useFormSaving(form, fieldOf);
  const [initial] = useState(() => initialValues(org));

  const type = Form.useWatch('type', form) ?? initial.type ?? 'branch';
  const host = Form.useWatch('host', form) ?? initial.host ?? 'enterprise';
  const termStartedOn = Form.useWatch('termStartedOn', form);
  const areaId = Form.useWatch('areaId', form);
  const many = coversManyEnterprises(host, type);
  const termEnd = termEndsOn(type, termStartedOn ?? null);

  const save = () =>
    attempt(async () => {
      const values = await validateOrFocusFirstError(form);
      if (!values) return;
      const raw = Object.fromEntries(INPUT_FIELDS.flatMap((f) => (values[f] == null ? [] : [[f, values[f]]])));
      const parsed = partyOrgInput.safeParse(raw);
      if (!parsed.success) {
        setProblem(parsed.error.issues[0]?.message ?? '填写有误');
        return;
      }
      await send(async () => {
        const saved = await call('partyOrgs:save', {
          id: orgId ?? undefined,
          input: parsed.data,
          enterpriseIds: form.getFieldValue('enterpriseIds') ?? [],
        });
        showSaved('已保存', saved.warnings);
        nav.changed();
        onSaved(saved.id);
      });
    });

  const requestClose = useDiscardGuard({
    what: '这个党组织',
    hasChanges: () => form.isFieldsTouched(),
    saving,
    onClose,
  });

  useSaveShortcut(() => void save());

  const superiorOptions = (lookups?.partyOrgs ?? [])
    .filter((o) => o.id !== orgId)
    .map((o) => ({ value: o.id, label: `${o.name}（${PARTY_ORG_TYPES[o.type]}）` }));

  const footer = (
    <FormDrawerFooter
      testId="party-org"
      problem={problem}
      onCancel={requestClose}
      onSave={() => void save()}
      saving={saving}
    />
  );

  return (
    <Drawer
      open
      onClose={requestClose}
      size="min(860px, 100vw)"
      title={org ? `编辑党组织：${org.name}` : '新增党组织'}
      footer={footer}
      mask={{ closable: false }}
    >
      <div onKeyDown={enterMovesToNextField}>
        <Form<OrgFormValues>
          form={form}
          name="partyOrg"
          layout="vertical"
          initialValues={initial}
          validateTrigger={['onChange', 'onBlur']}
          data-testid="party-org-form"
        >
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item required label="党组织名称" name="name" rules={rule('name')}>
                <Input autoFocus placeholder="例如：中共长乐镇东门工业区联合支部委员会" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item required label="党组织类型" name="type" rules={rule('type')}>
                <Select options={optionsOf(PARTY_ORG_TYPES)} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                required
                label="党组织所在"
                name="host"
                rules={rule('host')}
                extra={
                  host === 'enterprise'
                    ? '建在企业里：覆盖一家企业为“单独建立”，联合类型覆盖多家为“联合建立”。'
                    : '村、社区、园区党组织或两新组织党工委：企业挂靠于此（组织设置为“挂靠”），企业党组织也可隶属于它。'
                }
              >
                <Radio.Group options={optionsOf(ORG_HOSTS)} />
              </Form.Item>
            </Col>
            {(host === 'locality' || areaId != null) && (
              <Col span={12}>
                <Form.Item label="所属村（社区、园区）" name="areaId" rules={rule('areaId')}>
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    options={(lookups?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
                    placeholder="选择村、社区或园区"
                  />
                </Form.Item>
              </Col>
            )}
            <Col span={12}>
              <Form.Item label="上级党组织" name="superiorOrgId" rules={rule('superiorOrgId')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={superiorOptions}
                  placeholder="例如：镇两新组织党工委"
                  notFoundContent="没有其他党组织"
                  data-testid="org-superior"
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                label={many ? '覆盖企业（可多选）' : '所在企业'}
                name="enterpriseIds"
                extra={
                  <span data-testid="org-setting-hint">
                    这些企业的组织设置将为 <OrgSettingTag value={orgSettingOf({ host, type })} />
                    {many ? '' : '（非联合的企业党组织只覆盖一家企业）'}
                  </span>
                }
                rules={[
                  {
                    validator: async (_r, v?: number[]) => {
                      if (!many && (v?.length ?? 0) > 1)
                        throw new Error(`覆盖企业：${PARTY_ORG_TYPES[type]}只能覆盖一家企业，多家请选联合类型`);
                    },
                  },
                ]}
                dependencies={['type', 'host']}
              >
                <CoveredEnterprises many={many} known={org?.enterprises ?? []} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                label="组建方式"
                tooltip={FIELD_HELP.formationMethod}
                name="formationMethod"
                rules={rule('formationMethod')}
              >
                <Select allowClear placeholder="未填" options={optionsOf(FORMATION_METHODS)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="成立日期" name="foundedOn" rules={rule('foundedOn')}>
                <DateInput />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="批准文号" name="approvalNo" rules={rule('approvalNo')}>
                <Input placeholder="例如：长委〔2011〕45号" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5} style={{ margin: '4px 0 12px' }}>
            书记与委员
          </Typography.Title>
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item label="书记姓名" name="secretaryName" rules={rule('secretaryName')}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="书记来源" name="secretarySource" rules={rule('secretarySource')}>
                <Input placeholder="例如：企业出资人、选派" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="书记在企业中的身份" name="secretaryRole" rules={rule('secretaryRole')}>
                <Input placeholder="例如：副总经理" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <PersonalFormItem
                label="书记电话"
                schema={partyOrgInput}
                entity="partyOrg"
                recordId={orgId}
                field="secretaryPhone"
                testId="org-secretary-phone"
              />
            </Col>
            <Col span={12}>
              <Form.Item label="委员" name="committeeMembers" rules={rule('committeeMembers')} extra="每行一人">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="专/兼职党务工作者" name="partyWorkers" rules={rule('partyWorkers')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                label="本届选举日期"
                tooltip={FIELD_HELP.termStartedOn}
                name="termStartedOn"
                rules={rule('termStartedOn')}
                extra={
                  <span data-testid="org-term-end">
                    {termEnd ? `届满 ${termEnd}（每届${termYears(type)}年）` : `每届${termYears(type)}年`}
                  </span>
                }
              >
                <DateInput />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item label="备注" name="note" rules={rule('note')}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Drawer>
  );
}
