import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { defaultCommittee, defaultDocBanner, defaultDocCode } from '../../../shared/domain/ledger';
import { ledgerSettingsInput, type LedgerSettingsInput, type OpenLedger } from '../../../shared/ipc/ledgers';
import { ApiError, call } from '../../api/client';

/** Each field is checked by the same schema the core applies, so the screen and the core never disagree. */
function schemaRule(field: keyof LedgerSettingsInput) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      const result = ledgerSettingsInput.shape[field].safeParse(
        value ?? (field === 'docBanner' || field === 'superiorUnit' ? undefined : ''),
      );
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '填写有误');
    },
  };
}

/**
 * 新建台账: asks only what the ledger cannot do without. 党委全称 and 代字 follow the township name as the clerk
 * types, until the clerk edits them.
 */
export function CreateLedgerForm({ onOpened }: { onOpened: (l: OpenLedger) => void }) {
  const [form] = Form.useForm<LedgerSettingsInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onTownshipChange = (township: string) => {
    const committeeTouched = form.isFieldTouched('committee');
    const codeTouched = form.isFieldTouched('docCode');
    form.setFieldsValue({
      ...(committeeTouched ? {} : { committee: defaultCommittee(township.trim()) }),
      ...(codeTouched ? {} : { docCode: defaultDocCode(township.trim()) }),
    });
  };

  const submit = async (values: LedgerSettingsInput) => {
    setBusy(true);
    setError(null);
    try {
      onOpened(await call('ledgers:create', { settings: values }));
    } catch (e) {
      if (e instanceof ApiError && e.field?.startsWith('settings.')) {
        form.setFields([{ name: e.field.slice('settings.'.length) as keyof LedgerSettingsInput, errors: [e.message] }]);
      } else setError(e instanceof ApiError ? e.message : '新建台账失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const committee = Form.useWatch('committee', form) ?? '';

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" data-testid="create-ledger-form">
      <Form.Item required label="乡镇名称" name="township" rules={[schemaRule('township')]}>
        <Input placeholder="例如：长乐镇" onChange={(e) => onTownshipChange(e.target.value)} autoFocus />
      </Form.Item>
      <Form.Item required label="党委全称" name="committee" rules={[schemaRule('committee')]}>
        <Input placeholder="例如：中共长乐镇委员会" />
      </Form.Item>
      <Form.Item
        required
        label="发文机关代字"
        name="docCode"
        rules={[schemaRule('docCode')]}
        tooltip="发文字号中的机关代字，如“长委〔2026〕3号”中的“长委”"
      >
        <Input placeholder="例如：长委" />
      </Form.Item>
      <Form.Item
        label="发文机关标志"
        name="docBanner"
        rules={[schemaRule('docBanner')]}
        extra={committee ? `不填则为“${defaultDocBanner(committee)}”` : undefined}
      >
        <Input placeholder="例如：中共长乐镇委员会文件" />
      </Form.Item>
      <Form.Item label="上级单位" name="superiorUnit" rules={[schemaRule('superiorUnit')]}>
        <Input placeholder="例如：中共嵊州市委组织部" />
      </Form.Item>
      {error && (
        <div role="alert" style={{ color: '#cf1322', marginBottom: 12 }}>
          {error}
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={busy} block>
        新建台账
      </Button>
    </Form>
  );
}
