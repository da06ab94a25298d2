import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { FORMATION_METHODS, ORG_HOSTS } from '../../../shared/domain/labels';
import type { Lookups } from '../../../shared/domain/lookups';
import type { OrgEnterprise, PartyOrgDetail as Detail } from '../../../shared/domain/party';
import { orgTypeAdvice, shouldSplitOut, termYears } from '../../../shared/domain/partyRules';
import { ApiError, call } from '../../api/client';
import { count, orDash } from '../../components/format';
import { PersonalValue } from '../../components/PersonalValue';
import { useErrorMessage } from '../../components/useErrorMessage';
import { OrgSettingTag } from '../ledger/labels';
import { useLedgerNav } from '../ledger/navigation';
import { DeleteOrgModal } from './DeleteOrgModal';
import { FormationSteps } from './FormationSteps';
import { OpenLink } from '../../components/OpenLink';
import { OrgTypeTag, TermEnd } from './orgLabels';
import { PartyOrgForm } from './PartyOrgForm';
import { HelpLabel } from '../help/HelpTip';

interface Loaded {
  id: number;
  org: Detail;
}

/** One organisation: its record, the enterprises it covers, the ones under it, and how it was formed. */
export function PartyOrgDetail({
  id,
  lookups,
  onClose,
}: {
  id: number | null;
  lookups: Lookups | null;
  onClose: () => void;
}) {
  const nav = useLedgerNav();
  const showError = useErrorMessage();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // Every change to the ledger (a step saved here, a member added elsewhere, 撤销) reads it again.
  const generation = nav.generation;
  const org = loaded && loaded.id === id ? loaded.org : null;

  useEffect(() => {
    if (id === null) return;
    let live = true;
    call('partyOrgs:get', { id }).then(
      (o) => live && setLoaded({ id, org: o }),
      (e: unknown) => {
        if (!live) return;
        // Deleted here or elsewhere, or taken back by 撤销: the drawer has nothing left to show.
        if (e instanceof ApiError && e.code === 'NOT_FOUND') onClose();
        else showError(e);
      },
    );
    return () => {
      live = false;
    };
    // onClose is a fresh arrow each render; reading again for it would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, generation, showError]);

  const actions = org && !nav.readOnly && (
    <Space>
      <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="party-org-edit">
        编辑
      </Button>
      <Button danger icon={<DeleteOutlined />} onClick={() => setDeleting(true)} data-testid="party-org-delete">
        删除
      </Button>
    </Space>
  );

  return (
    <>
      <Drawer
        open={id !== null}
        onClose={onClose}
        size="large"
        title={org?.name ?? '党组织'}
        extra={actions}
        data-testid="party-org-detail"
      >
        {!org ? <Spin /> : <DetailBody org={org} />}
      </Drawer>
      {editing && org && (
        <PartyOrgForm
          orgId={org.id}
          org={org}
          lookups={lookups}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {deleting && org && (
        <DeleteOrgModal
          org={org}
          lookups={lookups}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            onClose();
          }}
        />
      )}
    </>
  );
}

function DetailBody({ org }: { org: Detail }) {
  const nav = useLedgerNav();
  const total = org.enterprises.reduce((n, e) => n + e.fullMembers + e.probationaryMembers, 0);
  const advice = orgTypeAdvice(org, total);
  return (
    <div data-testid="party-org-body" data-org-id={org.id}>
      {advice && <Alert type="warning" showIcon title={`组织类型：${advice}`} style={{ marginBottom: 16 }} />}
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label="党组织名称" span={2}>
          {org.name}
        </Descriptions.Item>
        <Descriptions.Item label="类型">
          <OrgTypeTag type={org.type} />
        </Descriptions.Item>
        <Descriptions.Item label="所在">{ORG_HOSTS[org.host]}</Descriptions.Item>
        {(org.host === 'locality' || org.areaName) && (
          <Descriptions.Item label="所属村（社区、园区）" span={2}>
            {orDash(org.areaName)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={<HelpLabel field="formationMethod">组建方式</HelpLabel>}>
          {org.formationMethod ? FORMATION_METHODS[org.formationMethod] : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="成立日期">{orDash(org.foundedOn)}</Descriptions.Item>
        <Descriptions.Item label="批准文号">{orDash(org.approvalNo)}</Descriptions.Item>
        <Descriptions.Item label="上级党组织">
          {org.superiorOrgId && org.superiorName ? (
            <OpenLink onOpen={() => nav.open({ kind: 'org', id: org.superiorOrgId! })} testId="org-superior-link">
              {org.superiorName}
            </OpenLink>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="书记">{orDash(org.secretaryName)}</Descriptions.Item>
        <Descriptions.Item label="书记电话">
          <PersonalValue
            entity="partyOrg"
            id={org.id}
            field="secretaryPhone"
            value={org.secretaryPhone}
            testId="org-secretary-phone"
          />
        </Descriptions.Item>
        <Descriptions.Item label="书记来源">{orDash(org.secretarySource)}</Descriptions.Item>
        <Descriptions.Item label="书记在企业中的身份">{orDash(org.secretaryRole)}</Descriptions.Item>
        <Descriptions.Item label="委员" span={2}>
          <span style={{ whiteSpace: 'pre-line' }}>{orDash(org.committeeMembers)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="专/兼职党务工作者" span={2}>
          <span style={{ whiteSpace: 'pre-line' }}>{orDash(org.partyWorkers)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="termStartedOn">本届选举日期</HelpLabel>}>
          {orDash(org.termStartedOn)}
        </Descriptions.Item>
        <Descriptions.Item
          label={<HelpLabel field="termEndsOn">{`届满日期（每届${termYears(org.type)}年）`}</HelpLabel>}
        >
          <span data-testid="org-term-ends">
            <TermEnd end={org.termEndsOn} />
          </span>
        </Descriptions.Item>
        {org.note && (
          <Descriptions.Item label="备注" span={2}>
            <span style={{ whiteSpace: 'pre-line' }}>{org.note}</span>
          </Descriptions.Item>
        )}
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 20 }}>
        覆盖企业（{org.enterprises.length}家，党员{total}名）
      </Typography.Title>
      <CoveredTable enterprises={org.enterprises} />

      <Typography.Title level={5} style={{ marginTop: 20 }}>
        下级党组织
      </Typography.Title>
      {org.subordinates.length === 0 ? (
        <Typography.Text type="secondary">无</Typography.Text>
      ) : (
        <Space wrap data-testid="org-subordinates">
          {org.subordinates.map((s) => (
            <Space key={s.id} size={4}>
              <OpenLink onOpen={() => nav.open({ kind: 'org', id: s.id })}>{s.name}</OpenLink>
              <OrgTypeTag type={s.type} />
            </Space>
          ))}
        </Space>
      )}

      <Typography.Title level={5} style={{ marginTop: 20 }}>
        <HelpLabel field="formationSteps">组建步骤</HelpLabel>
      </Typography.Title>
      <FormationSteps org={org} />
    </div>
  );
}

function CoveredTable({ enterprises }: { enterprises: OrgEnterprise[] }) {
  const nav = useLedgerNav();
  if (enterprises.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有覆盖企业：编辑党组织可选择企业" />;
  return (
    <Table<OrgEnterprise>
      size="small"
      rowKey="id"
      pagination={enterprises.length > 20 ? { pageSize: 20 } : false}
      dataSource={enterprises}
      data-testid="org-enterprises-table"
      onRow={(e) => ({ 'data-testid': 'org-enterprise-row', 'data-id': e.id }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: '企业名称',
          dataIndex: 'name',
          render: (name: string, e) => (
            <Space size={4} wrap>
              <OpenLink onOpen={() => nav.open({ kind: 'enterprise', id: e.id })} testId="org-enterprise-open">
                {name}
              </OpenLink>
              {shouldSplitOut(e.orgSetting, e.fullMembers) && <Tag color="gold">正式党员已满3名，宜单独组建</Tag>}
            </Space>
          ),
        },
        {
          title: '组织设置',
          dataIndex: 'orgSetting',
          render: (s: OrgEnterprise['orgSetting']) => <OrgSettingTag value={s} />,
        },
        { title: '正式党员', dataIndex: 'fullMembers', align: 'right' },
        { title: '预备党员', dataIndex: 'probationaryMembers', align: 'right' },
        { title: '从业人员', dataIndex: 'employees', align: 'right', render: (n: number | null) => count(n, '人') },
      ]}
    />
  );
}
