import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import type { EnterpriseDetail as Detail } from '../../../shared/domain/enterprise';
import { CONTROL_TYPES, ENTERPRISE_KINDS, INDUSTRY_SECTIONS, OWNERSHIPS } from '../../../shared/domain/labels';
import { ApiError, call } from '../../api/client';
import { count, money, orDash, yesNo } from '../../components/format';
import { PersonalValue } from '../../components/PersonalValue';
import { useErrorMessage } from '../../components/useErrorMessage';
import { EnterpriseForm } from '../enterprise-form/EnterpriseForm';
import { EnterpriseRoster } from '../members/EnterpriseRoster';
import { HelpLabel } from '../help/HelpTip';
import { OpenLink } from '../../components/OpenLink';
import { EnterprisePlans } from '../plans/EnterprisePlans';
import { EnterpriseWorkLogs } from '../work-logs/EnterpriseWorkLogs';
import { OrgSettingTag, PartyOrgTypeTag, SizeBandTag, StatusTag } from './labels';
import { formationItems } from '../formation/formationItems';
import { useLedgerNav } from './navigation';
import { RecordHistory } from '../../components/RecordHistory';

/** What other enterprises may name an enterprise of this kind as: deleting it clears those links. */
const LINKED_ROLE: Partial<Record<Detail['kind'], string>> = {
  'social-group': '所属商会/行业协会',
  enterprise: '龙头企业',
};

interface EnterpriseDetailProps {
  id: number | null;
  onClose: () => void;
  /** After the enterprise was edited or deleted here, so the list can refresh. */
  onChanged: () => void;
}

/**
 * One enterprise, laid out the way the 八清 survey goes, with its roster, work logs and history; edited and deleted
 * from here. Its organisation, instructor, leader and work group open their own pages.
 */
export function EnterpriseDetail({ id, onClose, onChanged }: EnterpriseDetailProps) {
  const nav = useLedgerNav();
  const generation = nav.generation;
  const [loaded, setLoaded] = useState<Detail | null>(null);
  // Bumped after a save, to read the record and its history again.
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<{ id: number | null; key: string }>({ id: null, key: 'basic' });
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();
  const detail = loaded && loaded.id === id ? loaded : null;
  // Another enterprise opens on its 基本情况.
  const activeTab = tab.id === id ? tab.key : 'basic';

  useEffect(() => {
    if (id === null) return;
    let live = true;
    call('enterprises:get', { id }).then(
      (d) => live && setLoaded(d),
      (e: unknown) => {
        if (!live) return;
        // Gone (taken back by 撤销, say): nothing left to show.
        if (e instanceof ApiError && e.code === 'NOT_FOUND') onClose();
        else showError(e);
      },
    );
    return () => {
      live = false;
    };
    // A roster or work-log change elsewhere moves the generation: the counts and last visit shown follow.
    // onClose is a fresh arrow each render; reading again for it would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, version, generation, showError]);

  const confirmDelete = (e: Detail) => {
    modal.confirm({
      title: `删除“${e.name}”？`,
      content: `删除后可通过“撤销”恢复。注销或迁出的企业请改经营状况，不要删除；有党员名册或工作记录的企业不能删除。${
        LINKED_ROLE[e.kind] ? `其他企业以它为${LINKED_ROLE[e.kind]}的，将一并清除该项。` : ''
      }`,
      okText: '删除',
      okType: 'danger',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('enterprises:delete', { id: e.id });
          void message.success(`已删除“${e.name}”`);
          onClose();
          onChanged();
        } catch (err) {
          showError(err);
        }
      },
    });
  };

  const actions = detail && !nav.readOnly && (
    <Space>
      <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="enterprise-edit">
        编辑
      </Button>
      <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(detail)} data-testid="enterprise-delete">
        删除
      </Button>
    </Space>
  );

  return (
    <>
      <Drawer
        open={id !== null}
        onClose={onClose}
        // Wide enough for the roster and the work logs beside the survey facts.
        size="min(1000px, 100vw)"
        title={detail?.name ?? '企业详情'}
        extra={actions}
        data-testid="enterprise-detail"
      >
        {!detail ? (
          <Spin />
        ) : (
          <Tabs
            activeKey={activeTab}
            onChange={(key) => setTab({ id, key })}
            items={[
              {
                key: 'basic',
                label: '基本情况',
                children: <DetailBody e={detail} onRevealed={() => setVersion((v) => v + 1)} />,
              },
              {
                key: 'roster',
                label: `党员名册${detail.rosterKept ? '' : '（未开启）'}`,
                children: (
                  <EnterpriseRoster
                    enterpriseId={detail.id}
                    enterpriseName={detail.name}
                    rosterKept={detail.rosterKept}
                    readOnly={nav.readOnly}
                  />
                ),
              },
              { key: 'workLogs', label: '工作记录', children: <EnterpriseWorkLogs enterpriseId={detail.id} /> },
              {
                key: 'plans',
                label: '一企一策',
                children: <EnterprisePlans enterpriseId={detail.id} enterpriseName={detail.name} />,
              },
              {
                key: 'history',
                label: '变更记录',
                children: (
                  <RecordHistory
                    channel="enterprises:history"
                    id={detail.id}
                    version={version + generation}
                    testId="enterprise-history"
                  />
                ),
              },
            ]}
          />
        )}
      </Drawer>
      <EnterpriseForm
        open={editing && id !== null}
        enterpriseId={id}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setVersion((v) => v + 1);
          onChanged();
        }}
      />
    </>
  );
}

function DetailBody({ e, onRevealed }: { e: Detail; onRevealed: () => void }) {
  const nav = useLedgerNav();
  const memberTotal = e.fullMembers + e.probationaryMembers;
  return (
    <>
      {e.revenueNeedsConfirming && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="营业收入不详：从业50–79人的企业暂按营收500万元以下归入C类，请核实营业收入。"
        />
      )}
      <Descriptions title="企业性质清" column={2} size="small" bordered>
        <Descriptions.Item label="企业名称" span={2}>
          {e.name}
        </Descriptions.Item>
        <Descriptions.Item label="统一社会信用代码">{orDash(e.uscc)}</Descriptions.Item>
        <Descriptions.Item label="工商注册号">{orDash(e.regNo)}</Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="kind">类型</HelpLabel>}>
          {ENTERPRISE_KINDS[e.kind]}
        </Descriptions.Item>
        <Descriptions.Item label="企业性质">
          {e.ownership ? OWNERSHIPS[e.ownership] : '—'}
          {e.ownershipNote ? `（${e.ownershipNote}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="行业">
          {e.industry ? `${e.industry} ${INDUSTRY_SECTIONS[e.industry]}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="aboveScale">规模以上</HelpLabel>}>
          {yesNo(e.aboveScale)}
        </Descriptions.Item>
        <Descriptions.Item label="经济控制类型" span={2}>
          {e.controlType ? CONTROL_TYPES[e.controlType] : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="所在区域">{e.areaName}</Descriptions.Item>
        <Descriptions.Item label="成立日期">{orDash(e.foundedOn)}</Descriptions.Item>
        <Descriptions.Item label="地址" span={2}>
          {orDash(e.address)}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions title="经营状况清 · 职工人数清" column={2} size="small" bordered style={{ marginTop: 16 }}>
        <Descriptions.Item label={<HelpLabel field="operatingStatus">经营状况</HelpLabel>}>
          <StatusTag value={e.operatingStatus} />
          {e.statusSince ? `自${e.statusSince}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="sizeBand">规模类别</HelpLabel>}>
          <SizeBandTag band={e.sizeBand} revenueNeedsConfirming={e.revenueNeedsConfirming} />
        </Descriptions.Item>
        <Descriptions.Item label="从业人员">{count(e.employees, '人')}</Descriptions.Item>
        <Descriptions.Item label="其中35岁以下">{count(e.youngEmployees, '人')}</Descriptions.Item>
        <Descriptions.Item label="年营业收入">{money(e.revenue)}</Descriptions.Item>
        <Descriptions.Item label="工资总额">{money(e.payroll)}</Descriptions.Item>
      </Descriptions>
      <Descriptions title="业主身份清" column={2} size="small" bordered style={{ marginTop: 16 }}>
        <Descriptions.Item label="业主/法定代表人">{orDash(e.ownerName)}</Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="ownerIsMember">业主是否党员</HelpLabel>}>
          {yesNo(e.ownerIsMember)}
        </Descriptions.Item>
        <Descriptions.Item label="兼任企业党组织书记">{yesNo(e.ownerIsSecretary)}</Descriptions.Item>
        <Descriptions.Item label="两代表一委员">{yesNo(e.ownerIsDeputy)}</Descriptions.Item>
        <Descriptions.Item label="联系人">{orDash(e.contactName)}</Descriptions.Item>
        <Descriptions.Item label="联系电话">
          <PersonalValue
            entity="enterprise"
            id={e.id}
            field="contactPhone"
            value={e.contactPhone}
            testId="enterprise-contact-phone"
            onRevealed={onRevealed}
          />
        </Descriptions.Item>
      </Descriptions>
      <Descriptions
        title={`党员数量清${e.rosterKept ? '（由党员名册统计）' : ''}`}
        column={2}
        size="small"
        bordered
        style={{ marginTop: 16 }}
      >
        <Descriptions.Item label={<HelpLabel field="fullMembers">正式党员</HelpLabel>}>
          {e.fullMembers}名
        </Descriptions.Item>
        <Descriptions.Item label="预备党员">{e.probationaryMembers}名</Descriptions.Item>
        <Descriptions.Item label="入党积极分子">{e.activists}名</Descriptions.Item>
        <Descriptions.Item label="党员合计">{memberTotal}名</Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="membersInEnterprise">组织关系在本企业</HelpLabel>}>
          {count(e.membersInEnterprise, '名')}
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="membersInTalentAgency">组织关系在人才职介机构</HelpLabel>}>
          {count(e.membersInTalentAgency, '名')}
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="membersAtOrigin">组织关系在原单位或街道社区</HelpLabel>}>
          {count(e.membersAtOrigin, '名')}
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="membersTemporary">临时组织关系</HelpLabel>}>
          {count(e.membersTemporary, '名')}
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="membersFloating">亮身份/流动党员</HelpLabel>} span={2}>
          {count(e.membersFloating, '名')}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions
        title="组织设置清 · 隶属关系清 · 组建方向清"
        column={2}
        size="small"
        bordered
        style={{ marginTop: 16 }}
      >
        <Descriptions.Item label={<HelpLabel field="partyOrgId">所在党组织</HelpLabel>} span={2}>
          {e.partyOrgId && e.partyOrgName ? (
            <Space size={4} wrap>
              <OpenLink onOpen={() => nav.open({ kind: 'org', id: e.partyOrgId! })} testId="enterprise-org-link">
                {e.partyOrgName}
              </OpenLink>
              {e.partyOrgType && <PartyOrgTypeTag type={e.partyOrgType} />}
            </Space>
          ) : (
            '未建立'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="orgSetting">组织设置</HelpLabel>}>
          <span data-testid="enterprise-detail-org-setting">
            <OrgSettingTag value={e.orgSetting} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="superiorOrg">隶属关系</HelpLabel>}>
          {orDash(e.superiorOrgName)}
        </Descriptions.Item>
        {(e.orgSetting === 'none' || !!e.noOrgReason) && (
          <Descriptions.Item label="未建原因" span={2}>
            {orDash(e.noOrgReason)}
          </Descriptions.Item>
        )}
        {formationItems(e, nav.open)}
        <Descriptions.Item label={<HelpLabel field="workGroupId">推进组</HelpLabel>}>
          {e.workGroupId && e.workGroupName ? (
            <OpenLink onOpen={() => nav.open({ kind: 'workGroup', id: e.workGroupId! })}>{e.workGroupName}</OpenLink>
          ) : (
            '未分组'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="instructorId">党建工作指导员</HelpLabel>}>
          {e.instructorId && e.instructorName ? (
            <OpenLink
              onOpen={() => nav.open({ kind: 'instructor', id: e.instructorId! })}
              testId="enterprise-instructor-link"
            >
              {e.instructorName}
            </OpenLink>
          ) : (
            '未选派'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="leaderId">联系领导</HelpLabel>}>
          {e.leaderId && e.leaderName ? (
            <OpenLink onOpen={() => nav.open({ kind: 'leader', id: e.leaderId! })} testId="enterprise-leader-link">
              {e.leaderName}
            </OpenLink>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="最近走访">
          <span data-testid="enterprise-last-visit">{e.lastVisitOn ?? '暂无走访记录'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="surveyedOn">摸底核实日期</HelpLabel>}>
          {orDash(e.surveyedOn)}
        </Descriptions.Item>
        <Descriptions.Item label="活动场所">
          {e.hasVenue ? `有${e.venueArea ? `（${e.venueArea}平方米）` : ''}` : '无'}
        </Descriptions.Item>
        <Descriptions.Item label="党建经费纳入预算">{yesNo(e.fundingInBudget)}</Descriptions.Item>
        <Descriptions.Item label="群团组织" span={2}>
          {[e.hasUnion && '工会', e.hasYouthLeague && '共青团', e.hasWomenFederation && '妇联']
            .filter(Boolean)
            .join('、') || '无'}
        </Descriptions.Item>
        <Descriptions.Item label={<HelpLabel field="keyCultivation">重点培育</HelpLabel>}>
          {yesNo(e.keyCultivation)}
        </Descriptions.Item>
        <Descriptions.Item label="星级">{e.starRating > 0 ? `${e.starRating}星` : '—'}</Descriptions.Item>
        {e.note && (
          <Descriptions.Item label="备注" span={2}>
            {e.note}
          </Descriptions.Item>
        )}
      </Descriptions>
    </>
  );
}
