import {
  Alert,
  App,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Select,
  type ButtonProps,
} from 'antd';
import { useState } from 'react';
import { REPORT_PERSONAL_DATA, REPORTS, type ReportId } from '../../../../shared/excel/kinds';
import type { Lookups } from '../../../../shared/domain/lookups';
import { call, saveExport, type SavedExport } from '../../../api/client';
import { messageOf } from '../../../components/formErrors';
import { useJob } from '../../../components/useJob';
import { campaignOptions, useCampaigns } from '../../campaigns/useCampaigns';
import { JobProgressView } from '../JobProgressView';
import { scopeName, SCOPED_REPORTS, type ScopeKind } from './scope';
import { useSigners } from './useSigners';

interface Values {
  report: ReportId;
  scope: ScopeKind;
  areaId?: number;
  workGroupId?: number;
  year?: number;
  /** 0: the plans of the year, in no campaign in particular. */
  campaignId?: number;
  preparer: string;
  reviewer: string;
  unmask: boolean;
}

const ALL_PLANS = 0;

/**
 * 导出: one of the upward reports as a print-ready workbook. The ledger, the 名册s and the 调查表 can be narrowed
 * to one area or work group; reports carrying personal data are masked unless the clerk ticks a box that says
 * exactly what will be exposed. Each export is recorded in 导出记录.
 */
export function ExportDialog({
  initial,
  lookups,
  onClose,
  onExported,
}: {
  initial: ReportId;
  lookups: Lookups | null;
  onClose: () => void;
  onExported: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const job = useJob();
  const campaigns = useCampaigns();
  const signers = useSigners();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<SavedExport | null>(null);
  const report = Form.useWatch('report', form) ?? initial;
  const scope = Form.useWatch('scope', form) ?? 'all';
  const unmask = Form.useWatch('unmask', form) ?? false;
  const personal = REPORT_PERSONAL_DATA[report];
  const scoped = SCOPED_REPORTS.has(report);

  const run = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setProblem(null);
    const where = scoped ? scopeName(v.scope, v.areaId, v.workGroupId, lookups) : '';
    const suggested = `${REPORTS[v.report]}${where ? `（${where}）` : ''}.xlsx`;
    try {
      const saved = await job.run((jobId) =>
        saveExport(suggested, (target) =>
          call('exports:run', {
            report: v.report,
            unmask: personal ? v.unmask : false,
            target,
            jobId,
            areaId: scoped && v.scope === 'area' ? v.areaId : null,
            workGroupId: scoped && v.scope === 'workGroup' ? v.workGroupId : null,
            year: v.report === 'assessments' ? v.year : undefined,
            campaignId: v.report === 'plans' && v.campaignId ? v.campaignId : null,
            preparer: v.preparer ?? '',
            reviewer: v.reviewer ?? '',
          }),
        ),
      );
      signers.remember(v.preparer ?? '', v.reviewer ?? '');
      if (!saved) return;
      setDone(saved);
      onExported();
      void message.success(`已导出“${saved.fileName}”，共 ${saved.rows} 行`);
    } catch (e) {
      setProblem(messageOf(e, '导出失败，请重试'));
    }
  };

  return (
    <Modal
      open
      title="导出报表"
      width={640}
      onCancel={() => !job.running && onClose()}
      okText={done ? '关闭' : '导出'}
      onOk={done ? onClose : () => void run()}
      confirmLoading={job.running}
      cancelButtonProps={{ style: done ? { display: 'none' } : undefined, disabled: job.running }}
      okButtonProps={{ 'data-testid': 'export-ok' } as ButtonProps}
      mask={{ closable: false }}
    >
      <div data-testid="export-dialog" data-state={done ? 'done' : job.running ? 'running' : 'idle'}>
        {done ? (
          <Result
            status="success"
            style={{ padding: '16px 0' }}
            title="导出完成"
            subTitle={
              <span data-testid="export-done">
                文件“{done.fileName}”，共 {done.rows} 行
              </span>
            }
          />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            disabled={job.running}
            initialValues={{
              report: initial,
              scope: initial === 'survey' ? 'area' : 'all',
              year: new Date().getFullYear(),
              campaignId: ALL_PLANS,
              preparer: signers.preparer,
              reviewer: signers.reviewer,
              unmask: false,
            }}
            onValuesChange={(changed: Partial<Values>) => {
              // A new report starts masked: the tick was for what the last one exposes.
              if ('report' in changed) form.setFieldValue('unmask', false);
              // A 调查表 goes to one area or work group to be filled in, never to the whole township at once.
              if (changed.report === 'survey' && form.getFieldValue('scope') === 'all')
                form.setFieldValue('scope', 'area');
            }}
          >
            <Form.Item label="报表" name="report">
              <Select
                aria-label="报表"
                data-testid="export-report"
                showSearch={{ optionFilterProp: 'label' }}
                options={(Object.keys(REPORTS) as ReportId[]).map((r) => ({ value: r, label: REPORTS[r] }))}
              />
            </Form.Item>
            {scoped && (
              <Flex gap={12} align="start" wrap>
                <Form.Item label="范围" name="scope">
                  <Radio.Group
                    options={[
                      ...(report === 'survey' ? [] : [{ value: 'all', label: '全镇' }]),
                      { value: 'area', label: '一个区域' },
                      { value: 'workGroup', label: '一个推进组' },
                    ]}
                  />
                </Form.Item>
                {scope === 'area' && (
                  <Form.Item label="区域" name="areaId" rules={[{ required: true, message: '请选择区域' }]}>
                    <Select
                      aria-label="区域"
                      style={{ width: 220 }}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={(lookups?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
                    />
                  </Form.Item>
                )}
                {scope === 'workGroup' && (
                  <Form.Item label="推进组" name="workGroupId" rules={[{ required: true, message: '请选择推进组' }]}>
                    <Select
                      aria-label="推进组"
                      style={{ width: 220 }}
                      options={(lookups?.workGroups ?? []).map((g) => ({ value: g.id, label: g.name }))}
                    />
                  </Form.Item>
                )}
              </Flex>
            )}
            {report === 'survey' && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title="调查表按一个区域或一个推进组导出，带现有数据；发给他们填写后，在“导入导出”中导入回收的调查表。"
              />
            )}
            {report === 'assessments' && (
              <Form.Item label="评价年度" name="year" rules={[{ required: true, message: '请填写评价年度' }]}>
                <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
              </Form.Item>
            )}
            {report === 'plans' && (
              <Form.Item label="专项行动" name="campaignId">
                <Select
                  aria-label="专项行动"
                  style={{ width: 320 }}
                  options={[
                    { value: ALL_PLANS, label: '本年度全部方案（不限专项行动）' },
                    ...campaignOptions(campaigns),
                  ]}
                />
              </Form.Item>
            )}
            <Flex gap={12}>
              <Form.Item label="填表人" name="preparer" style={{ flex: 1 }}>
                <Input maxLength={20} placeholder="打印在表格下方，可不填" />
              </Form.Item>
              <Form.Item label="审核人" name="reviewer" style={{ flex: 1 }}>
                <Input maxLength={20} placeholder="打印在表格下方，可不填" />
              </Form.Item>
            </Flex>
            {personal && (
              <Form.Item name="unmask" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="export-unmask">显示完整个人信息（记入变更记录）：{personal}</Checkbox>
              </Form.Item>
            )}
            {personal && !unmask && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 8 }}
                title={`${personal}将部分隐藏（中间几位以 * 代替）。`}
              />
            )}
            {personal && unmask && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                data-testid="export-unmask-warning"
                title={`导出的文件将含有完整的${personal}。请妥善保管，只交给需要的人；本次导出（谁、何时、含哪些信息）会记入导出记录和变更记录。`}
              />
            )}
            {job.running && <JobProgressView job={job} idle="正在导出…" testId="export-progress" />}
            {problem && <Alert type="error" showIcon title={problem} data-testid="export-error" />}
          </Form>
        )}
      </div>
    </Modal>
  );
}
