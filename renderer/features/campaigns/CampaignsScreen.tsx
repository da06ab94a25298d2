import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Space, Spin, Steps, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import type { Indicator } from '../../../shared/domain/indicators';
import type { Campaign } from '../../../shared/domain/plans';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { today } from '../plans/planLabels';
import { CampaignForm } from './CampaignForm';
import { targetsSummary } from './campaignTargets';
import { phaseStatus } from './phaseDates';
import { useCampaigns } from './useCampaigns';
import { useIndicators } from './useIndicators';

/**
 * 专项行动: each campaign with its period, its own targets, its phases (today's one marked) and its plans; made,
 * edited, deleted.
 */
export function CampaignsScreen() {
  const nav = useLedgerNav();
  const campaigns = useCampaigns();
  const indicators = useIndicators().value;
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const remove = useDeleteCampaign();

  return (
    <div data-testid="campaigns-screen">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          专项行动（如“集中攻坚月”）分阶段推进，其中的一企一策方案在“一企一策”标签页按专项行动筛选查看；“覆盖概览”可按专项行动统计。
        </Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={nav.readOnly}
          onClick={() => setEditing('new')}
          data-testid="campaign-add"
        >
          新增专项行动
        </Button>
      </Flex>
      {!campaigns ? (
        <Spin />
      ) : campaigns.length === 0 ? (
        <Empty description="还没有专项行动，点“新增专项行动”登记" />
      ) : (
        <Flex vertical gap={12}>
          {campaigns.map((c) => (
            <CampaignCard
              key={c.id}
              campaign={c}
              indicators={indicators}
              readOnly={nav.readOnly}
              onEdit={() => setEditing(c)}
              onDelete={() => remove(c)}
            />
          ))}
        </Flex>
      )}
      {editing && (
        <CampaignForm
          campaign={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function CampaignCard({
  campaign: c,
  indicators,
  readOnly,
  onEdit,
  onDelete,
}: {
  campaign: Campaign;
  /** To name the targets by; null while read. */
  indicators: Indicator[] | null;
  readOnly: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const now = today();
  const statuses = c.phases.map((p) => phaseStatus(p, now));
  // The first phase under way is the current one; none before the campaign begins or after it ends.
  const current = statuses.indexOf('process');
  const state = now < c.startOn ? '未开始' : now > c.endOn ? '已结束' : '进行中';
  return (
    <Card
      size="small"
      data-testid="campaign-card"
      data-id={c.id}
      title={
        <Space size={8} wrap>
          <span data-testid="campaign-name">{c.name}</span>
          <Tag color={state === '进行中' ? 'processing' : 'default'}>{state}</Tag>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {c.startOn} 至 {c.endOn}
          </Typography.Text>
        </Space>
      }
      extra={
        !readOnly && (
          <Space>
            <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="campaign-edit">
              编辑
            </Button>
            <Button size="small" danger icon={<DeleteOutlined />} onClick={onDelete} data-testid="campaign-delete">
              删除
            </Button>
          </Space>
        )
      }
    >
      <Space size={16} wrap style={{ marginBottom: c.phases.length > 0 ? 12 : 0 }}>
        <span data-testid="campaign-plans">
          方案 <b>{c.plans}</b> 份，其中未结 <b>{c.openPlans}</b> 份
        </span>
        {indicators && (
          <span data-testid="campaign-targets-summary">
            目标：{targetsSummary(c.targets, indicators) ?? '同全镇目标'}
          </span>
        )}
        {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
      </Space>
      {c.phases.length === 0 ? (
        <Typography.Text type="secondary">未设阶段：编辑后可“套用集中攻坚月六个阶段”</Typography.Text>
      ) : (
        <Steps
          size="small"
          titlePlacement="vertical"
          current={current}
          items={c.phases.map((p, i) => ({
            title: p.name,
            content: `${p.startOn.slice(5)} – ${p.endOn.slice(5)}${statuses[i] === 'process' ? '（进行中）' : ''}`,
            status: statuses[i],
          }))}
          data-testid="campaign-phases-steps"
        />
      )}
    </Card>
  );
}

/**
 * Deleting a campaign never deletes a plan: with plans in it the clerk chooses to move them out (they stay, as
 * plans of their year) or to cancel.
 */
function useDeleteCampaign() {
  const nav = useLedgerNav();
  const { modal, message } = App.useApp();
  const showError = useErrorMessage();
  const run = async (c: Campaign, detach: boolean) => {
    try {
      await call('campaigns:delete', { id: c.id, plans: detach ? 'detach' : undefined });
      void message.success(`已删除“${c.name}”${detach ? `，${c.plans} 份方案已移出，仍保留` : ''}`);
      nav.changed();
    } catch (e) {
      showError(e);
    }
  };
  return (c: Campaign) =>
    modal.confirm({
      title: `删除专项行动“${c.name}”？`,
      content:
        c.plans === 0
          ? '其中没有方案。删除后可通过“撤销”恢复。'
          : `其中有 ${c.plans} 份方案（未结 ${c.openPlans} 份）。删除专项行动不会删除任何方案：这些方案将移出专项行动，作为各自年度的方案保留。不想移出请点“取消”。删除后可通过“撤销”恢复。`,
      okText: c.plans === 0 ? '删除' : '移出方案并删除',
      okType: 'danger',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'campaign-delete-ok' } as ButtonProps,
      onOk: () => run(c, c.plans > 0),
    });
}
