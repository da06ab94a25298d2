import { Alert, App, Form, InputNumber, Modal, Radio, Select, Space, Table, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import type { Campaign } from '../../../shared/domain/plans';
import type { BatchResult } from '../../../shared/ipc/plans';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { messageOf } from '../../components/formErrors';
import { useLedgerNav } from '../ledger/navigation';
import { campaignOptions } from '../campaigns/useCampaigns';
import { today } from './planLabels';

type Scope = 'campaign' | 'year';

interface Values {
  scope: Scope;
  campaignId?: number;
  year: number | null;
  startOn?: string;
}

/** The year a campaign's plans belong to: the year it starts in. */
const yearOf = (c: Campaign | undefined) => (c ? Number(c.startOn.slice(0, 4)) : null);

/**
 * 批量生成方案: a pre-filled 草拟 plan for every 有党员未建党组织 enterprise, in a campaign or for a year. Says
 * beforehand how many enterprises that is, and afterwards how many plans were made and who was left out, and why.
 */
export function BatchCreateModal({
  campaigns,
  onClose,
  onDone,
}: {
  campaigns: Campaign[] | null;
  onClose: () => void;
  /** After plans were made, with the 专项行动 they are in (null: plans of a year). */
  onDone: (campaignId: number | null) => void;
}) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [eligible, setEligible] = useState<number | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<BatchResult | null>(null);
  const scope = Form.useWatch('scope', form) ?? 'campaign';
  const campaignId = Form.useWatch('campaignId', form);
  const campaign = campaigns?.find((c) => c.id === campaignId);
  // The campaign under way today, else the one that starts last: where a batch most likely belongs.
  const now = today();
  const latest =
    campaigns?.find((c) => c.startOn <= now && now <= c.endOn) ??
    [...(campaigns ?? [])].sort((a, b) => b.startOn.localeCompare(a.startOn))[0];

  useEffect(() => {
    let live = true;
    call('formation:list', { list: 'members-no-org', offset: 0, limit: 1 }).then(
      (p) => live && setEligible(p.total),
      (e: unknown) => live && setProblem(messageOf(e, '读取有党员未建党组织企业名册失败')),
    );
    return () => {
      live = false;
    };
  }, []);

  const run = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const year = v.scope === 'campaign' ? yearOf(campaign) : v.year;
    setRunning(true);
    setProblem(null);
    try {
      const r = await call('plans:batchCreate', {
        campaignId: v.scope === 'campaign' ? (v.campaignId ?? null) : null,
        year: year ?? new Date().getFullYear(),
        startOn: v.startOn!,
      });
      setResult(r);
      void message.success(`已生成 ${r.created} 份方案`);
      nav.changed();
      onDone(v.scope === 'campaign' ? (v.campaignId ?? null) : null);
    } catch (e) {
      setProblem(messageOf(e, '批量生成失败，请重试'));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Modal
      open
      title="批量生成方案"
      width={640}
      onCancel={onClose}
      okText={result ? '关闭' : '生成'}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      onOk={result ? onClose : () => void run()}
      confirmLoading={running}
      okButtonProps={{ disabled: !result && eligible === 0, 'data-testid': 'plan-batch-ok' } as ButtonProps}
      mask={{ closable: false }}
    >
      <div data-testid="plan-batch-modal">
        {result ? (
          <BatchOutcome result={result} />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{
              scope: latest ? 'campaign' : 'year',
              campaignId: latest?.id,
              year: new Date().getFullYear(),
              startOn: today(),
            }}
          >
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={
                eligible === null ? (
                  '正在统计有党员未建党组织的企业…'
                ) : (
                  <span>
                    有党员未建党组织的企业共 <b data-testid="plan-batch-eligible">{eligible}</b>{' '}
                    家，将为每家生成一份草拟方案，现状和组建对策按台账预填。已有未结方案的企业跳过。
                  </span>
                )
              }
            />
            <Form.Item label="方案属于" name="scope">
              <Radio.Group
                options={[
                  { value: 'campaign', label: '专项行动', disabled: !campaigns?.length },
                  { value: 'year', label: '年度（不属于专项行动）' },
                ]}
              />
            </Form.Item>
            <Space size={16} align="start">
              {scope === 'campaign' ? (
                <Form.Item
                  label="专项行动"
                  name="campaignId"
                  rules={[{ required: true, message: '请选择专项行动' }]}
                  extra={
                    campaign ? `${campaign.startOn} 至 ${campaign.endOn}，方案年度 ${yearOf(campaign)}` : undefined
                  }
                >
                  <Select
                    style={{ width: 260 }}
                    options={campaignOptions(campaigns)}
                    data-testid="plan-batch-campaign"
                  />
                </Form.Item>
              ) : (
                <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
                  <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
                </Form.Item>
              )}
              <Form.Item
                label="开始日期"
                name="startOn"
                rules={[{ required: true, message: '请填写开始日期' }]}
                extra="节点期限从这一天起算"
              >
                <DateInput style={{ width: 180 }} />
              </Form.Item>
            </Space>
            {problem && <Alert type="error" showIcon title={problem} data-testid="plan-batch-error" />}
          </Form>
        )}
      </div>
    </Modal>
  );
}

function BatchOutcome({ result }: { result: BatchResult }) {
  return (
    <div data-testid="plan-batch-result">
      <Typography.Paragraph>
        已生成 <b data-testid="plan-batch-created">{result.created}</b> 份草拟方案；跳过{' '}
        <b data-testid="plan-batch-skipped">{result.skipped.length}</b> 家企业。
      </Typography.Paragraph>
      {result.skipped.length > 0 && (
        <Table
          size="small"
          rowKey="enterpriseId"
          dataSource={result.skipped}
          pagination={result.skipped.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: '跳过的企业', dataIndex: 'name', width: 240 },
            { title: '原因', dataIndex: 'reason' },
          ]}
        />
      )}
    </div>
  );
}
