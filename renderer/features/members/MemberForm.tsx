import { Alert, Col, Collapse, Drawer, Form, Input, Row, Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { checkIdNumber, normalizeIdNumber } from '../../../shared/domain/idNumber';
import {
  EDUCATIONS,
  GENDERS,
  MEMBER_LOCATIONS,
  MEMBER_STATUSES,
  type Education,
  type Gender,
  type MemberLocation,
  type MemberStatus,
} from '../../../shared/domain/labels';
import type { Member } from '../../../shared/domain/party';
import { probationEndsOn } from '../../../shared/domain/partyRules';
import { memberInput, type MemberInput } from '../../../shared/ipc/members';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { enterMovesToNextField } from '../../components/enterMovesToNextField';
import { messageOf, validateOrFocusFirstError } from '../../components/formErrors';
import { FormDrawerFooter } from '../../components/FormDrawerFooter';
import { schemaRule } from '../../components/schemaRule';
import { useDiscardGuard } from '../../components/useDiscardGuard';
import { useFormSaving } from '../../components/useFormSaving';
import { useSavedMessage } from '../../components/useSavedMessage';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { useLedgerNav } from '../ledger/navigation';
import { EnterpriseSelect } from '../people/EnterpriseSelect';
import { optionsOf } from './memberParts';
import { RecordHistory } from '../../components/RecordHistory';
import { PersonalFormItem, PersonalInput, personalRule } from '../../components/PersonalInput';
import { FIELD_HELP } from '../../../shared/domain/fieldHelp';

type Field = keyof MemberInput;

interface MemberValues {
  enterpriseId?: number | null;
  name?: string;
  gender?: Gender | null;
  birthMonth?: string | null;
  education?: Education | null;
  joinedOn?: string | null;
  status?: MemberStatus;
  location?: MemberLocation;
  position?: string;
  phone?: string;
  idNumber?: string | null;
  note?: string;
}

const FIELDS = Object.keys(memberInput.shape) as Field[];
const rule = (field: Field) => [schemaRule(memberInput, field)];

function fieldOf(apiField: string | undefined): Field | null {
  const name = apiField?.startsWith('input.') ? apiField.slice('input.'.length) : null;
  return name !== null && (FIELDS as string[]).includes(name) ? (name as Field) : null;
}

/** What a valid 身份证号 says about its holder. */
function fromIdNumber(raw: string | null | undefined): { birthMonth: string; gender: Gender } | null {
  if (!raw) return null;
  const checked = checkIdNumber(normalizeIdNumber(raw));
  return checked.ok ? { birthMonth: checked.birthDate.slice(0, 7), gender: checked.gender } : null;
}

interface Loaded {
  member: Member;
  enterpriseName: string;
}

interface Props {
  /** null: a new member. */
  memberId: number | null;
  /** Adding from an enterprise's roster: the member joins that enterprise. */
  enterprise?: { id: number; name: string } | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}

/**
 * 新增/编辑党员. The 身份证号 and phone come masked; 显示 shows one (recorded), 修改 replaces it unseen. A valid
 * typed 身份证号 fills in the birth month and gender when they are blank. Moving to another enterprise is a
 * 组织关系转接, not an edit.
 */
export function MemberForm({ memberId, enterprise = null, onClose, onSaved }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (memberId === null) return;
    let live = true;
    call('members:get', { id: memberId })
      .then(async (member) => {
        const name = await call('enterprises:get', { id: member.enterpriseId }).then(
          (e) => e.name,
          () => `企业 ${member.enterpriseId}`,
        );
        if (live) setLoaded({ member, enterpriseName: name });
      })
      .catch((e: unknown) => live && setProblem(messageOf(e, '读取党员信息失败，请重试')));
    return () => {
      live = false;
    };
  }, [memberId]);

  const title = memberId === null ? '新增党员' : `编辑党员${loaded ? `：${loaded.member.name}` : ''}`;
  if (memberId !== null && !loaded)
    return (
      <Drawer open onClose={onClose} size={720} title={title}>
        {problem ? <Alert type="error" showIcon title={problem} /> : <Spin />}
      </Drawer>
    );
  return (
    <MemberFormBody
      title={title}
      member={loaded?.member ?? null}
      enterprise={loaded ? { id: loaded.member.enterpriseId, name: loaded.enterpriseName } : enterprise}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}

function MemberFormBody({
  title,
  member,
  enterprise,
  onClose,
  onSaved,
}: {
  title: string;
  member: Member | null;
  enterprise: { id: number; name: string } | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const [form] = Form.useForm<MemberValues>();
  const nav = useLedgerNav();
  const showSaved = useSavedMessage();
  const { saving, problem, setProblem, attempt, send } = useFormSaving(form, fieldOf);
  // Bumped by a reveal, so the 变更记录 below shows it at once.
  const [historyVersion, setHistoryVersion] = useState(0);
  const revealed = () => setHistoryVersion((v) => v + 1);
  // What the 身份证号 last filled in, so a later correction of the number may replace it but a typed value stays.
  // A masked number says nothing, so this starts null for a stored member until a number is typed.
  const suggested = useRef(fromIdNumber(member?.idNumber));
  const [initial] = useState<MemberValues>(() =>
    member
      ? (Object.fromEntries(FIELDS.map((f) => [f, member[f] ?? undefined])) as MemberValues)
      : { enterpriseId: enterprise?.id, status: 'full', location: 'enterprise' },
  );

  const status = Form.useWatch('status', form) ?? initial.status;
  const joinedOn = Form.useWatch('joinedOn', form);
  const idNumber = Form.useWatch('idNumber', form);
  const birthMonth = Form.useWatch('birthMonth', form);
  const fromId = fromIdNumber(idNumber);
  const mismatch = fromId && birthMonth && birthMonth !== fromId.birthMonth;

  const onValuesChange = (changed: MemberValues, all: MemberValues) => {
    if (!('idNumber' in changed)) return;
    const said = fromIdNumber(changed.idNumber);
    if (!said) return;
    const before = suggested.current;
    const patch: MemberValues = {};
    if (!all.birthMonth || all.birthMonth === before?.birthMonth) patch.birthMonth = said.birthMonth;
    if (!all.gender || all.gender === before?.gender) patch.gender = said.gender;
    suggested.current = said;
    form.setFieldsValue(patch);
  };

  const save = () =>
    attempt(async () => {
      const values = await validateOrFocusFirstError(form);
      if (!values) return;
      const all = { ...form.getFieldsValue(true), ...values } as MemberValues;
      const raw = Object.fromEntries(FIELDS.flatMap((f) => (all[f] == null || all[f] === '' ? [] : [[f, all[f]]])));
      const parsed = memberInput.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = fieldOf(`input.${String(issue?.path[0] ?? '')}`);
        if (field && issue) form.setFields([{ name: field, errors: [issue.message] }]);
        else setProblem(issue?.message ?? '填写有误');
        return;
      }
      await send(async () => {
        const saved = await call('members:save', { id: member?.id, input: parsed.data });
        showSaved(`已保存党员“${parsed.data.name}”`, saved.warnings);
        nav.changed();
        onSaved(saved.id);
      });
    });

  const requestClose = useDiscardGuard({
    what: '这名党员的信息',
    hasChanges: () => {
      const now = form.getFieldsValue(true) as MemberValues;
      const blank = (v: unknown) => v === undefined || v === null || v === '';
      return FIELDS.some((f) => {
        const [v, was] = [now[f], initial[f]];
        return !(v === was || (blank(v) && blank(was)));
      });
    },
    saving,
    onClose,
  });

  useSaveShortcut(() => void save());

  const footer = (
    <FormDrawerFooter
      testId="member"
      problem={problem}
      onCancel={requestClose}
      onSave={() => void save()}
      saving={saving}
    />
  );

  return (
    <Drawer open onClose={requestClose} size={720} title={title} footer={footer} mask={{ closable: false }}>
      <div onKeyDown={enterMovesToNextField}>
        <Form<MemberValues>
          form={form}
          name="member"
          layout="vertical"
          initialValues={initial}
          onValuesChange={onValuesChange}
          validateTrigger={['onChange', 'onBlur']}
          data-testid="member-form"
        >
          <Row gutter={16}>
            <Col span={24}>
              {member || enterprise ? (
                <Form.Item
                  label="所在企业"
                  extra={member ? '调到其他企业请用“组织关系转接”' : '添加第一名党员即开启该企业的党员名册'}
                >
                  <Typography.Text strong data-testid="member-enterprise">
                    {enterprise?.name}
                  </Typography.Text>
                </Form.Item>
              ) : (
                <Form.Item
                  required
                  label="所在企业"
                  name="enterpriseId"
                  rules={rule('enterpriseId')}
                  extra="添加第一名党员即开启该企业的党员名册，其党员人数从此由名册统计"
                >
                  <EnterpriseSelect data-testid="member-enterprise-select" />
                </Form.Item>
              )}
            </Col>
            <Col span={8}>
              <Form.Item required label="姓名" name="name" rules={rule('name')}>
                <Input autoFocus />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item
                label="身份证号"
                name="idNumber"
                rules={[personalRule(schemaRule(memberInput, 'idNumber'))]}
                validateTrigger="onBlur"
                extra={
                  fromId ? (
                    <span data-testid="member-id-hint">
                      出生于{fromId.birthMonth}，{GENDERS[fromId.gender]}
                      {mismatch ? <Typography.Text type="warning">（与所填出生年月不同，请核对）</Typography.Text> : ''}
                    </span>
                  ) : undefined
                }
              >
                <PersonalInput
                  entity="member"
                  recordId={member?.id ?? null}
                  field="idNumber"
                  placeholder="18位，最后一位可为X"
                  monospace
                  testId="member-id-number"
                  onRevealed={revealed}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="性别" name="gender" rules={rule('gender')}>
                <Select allowClear placeholder="未填" options={optionsOf(GENDERS)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="出生年月" name="birthMonth" rules={rule('birthMonth')} validateTrigger="onBlur">
                <Input placeholder="例如 1985-06" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="学历" name="education" rules={rule('education')}>
                <Select allowClear placeholder="未填" options={optionsOf(EDUCATIONS)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item required label="党员类别" name="status" rules={rule('status')}>
                <Select options={optionsOf(MEMBER_STATUSES)} data-testid="member-status" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                label="入党时间"
                name="joinedOn"
                rules={rule('joinedOn')}
                extra={
                  status === 'probationary'
                    ? joinedOn
                      ? `预备期满（转正）${probationEndsOn(joinedOn)}`
                      : '预备党员请填写入党时间，以推算转正日期'
                    : undefined
                }
              >
                <DateInput />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                required
                label="组织关系所在"
                tooltip={FIELD_HELP.memberLocation}
                name="location"
                rules={rule('location')}
              >
                <Select options={optionsOf(MEMBER_LOCATIONS)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="岗位/职务" name="position" rules={rule('position')}>
                <Input />
              </Form.Item>
            </Col>
            {/* Wide enough for the masked number and its 显示 and 修改. */}
            <Col span={12}>
              <PersonalFormItem
                label="联系电话"
                schema={memberInput}
                entity="member"
                recordId={member?.id ?? null}
                field="phone"
                testId="member-phone"
                onRevealed={revealed}
              />
            </Col>
            <Col span={24}>
              <Form.Item label="备注" name="note" rules={rule('note')}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
      {member && (
        // Where the member has been (组织关系转接 shows as a change of 所在企业) and what was corrected.
        <Collapse
          ghost
          items={[
            {
              key: 'history',
              label: '变更记录',
              children: (
                <RecordHistory
                  channel="members:history"
                  id={member.id}
                  version={historyVersion}
                  testId="member-history"
                />
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
