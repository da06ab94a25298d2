import { Alert, App, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import type { SnapshotItem } from '../../../shared/ipc/stats';
import { ApiError, call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { showFieldError } from '../../components/formErrors';

interface Values {
  takenOn?: string;
  label?: string;
}

const FIELDS = new Set(['takenOn', 'label']);

/**
 * 生成快照: freezes every indicator and the enterprise facts behind it, dated the reporting date unless the clerk
 * says otherwise ("8月底"), so the figures can be reported and compared later.
 */
export function TakeSnapshotModal({
  defaultDate,
  onTaken,
  onCancel,
}: {
  defaultDate: string;
  onTaken: (snapshot: SnapshotItem) => void;
  onCancel: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const take = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const snapshot = await call('snapshots:take', { takenOn: v.takenOn ?? '', label: v.label?.trim() ?? '' });
      void message.success(`已生成${snapshot.takenOn}的统计快照（${snapshot.enterprises}家企业）`);
      onTaken(snapshot);
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      if (field && FIELDS.has(field)) showFieldError(form, field, (e as ApiError).message);
      else setProblem(e instanceof ApiError ? e.message : '生成快照失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="生成统计快照"
      okText="生成"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'snapshot-take-ok' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ takenOn: defaultDate, label: '' }}
        onFinish={take}
        data-testid="snapshot-form"
      >
        <Form.Item
          label="快照日期"
          name="takenOn"
          required
          rules={[{ required: true, message: '请填写快照日期' }]}
          extra="各项指标按这一天计算并冻结；默认为统计截止日期。"
        >
          <DateInput />
        </Form.Item>
        <Form.Item label="名称（可不填）" name="label">
          <Input maxLength={40} placeholder="例如：8月底报送" onPressEnter={() => form.submit()} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
