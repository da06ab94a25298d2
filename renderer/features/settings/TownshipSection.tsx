import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { defaultDocBanner, type LedgerSettings } from '../../../shared/domain/ledger';
import { ledgerSettingsInput, type LedgerSettingsInput } from '../../../shared/ipc/ledgers';
import { ApiError, call } from '../../api/client';
import { schemaRule } from '../../components/schemaRule';

const rule = (field: keyof LedgerSettingsInput) => [schemaRule(ledgerSettingsInput, field)];

/** 本乡镇设置: the names that head every document and report of this ledger. */
export function TownshipSection({
  settings,
  readOnly,
  onChanged,
}: {
  settings: LedgerSettings;
  readOnly: boolean;
  onChanged: () => void;
}) {
  const [form] = Form.useForm<LedgerSettingsInput>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const committee = Form.useWatch('committee', form) ?? '';

  const submit = async (values: LedgerSettingsInput) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await call('settings:update', { settings: values });
      // The core fills a blank 发文机关标志 with the standard one: show what was kept.
      form.setFieldsValue(saved);
      void message.success('已保存本乡镇设置');
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.field?.startsWith('settings.')) {
        form.setFields([{ name: e.field.slice('settings.'.length) as keyof LedgerSettingsInput, errors: [e.message] }]);
      } else setProblem(e instanceof ApiError ? e.message : '保存失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={settings}
      onFinish={submit}
      disabled={readOnly}
      style={{ maxWidth: 560 }}
      data-testid="township-settings-form"
    >
      <Form.Item required label="乡镇名称" name="township" rules={rule('township')}>
        <Input placeholder="例如：长乐镇" />
      </Form.Item>
      <Form.Item required label="党委全称" name="committee" rules={rule('committee')}>
        <Input placeholder="例如：中共长乐镇委员会" />
      </Form.Item>
      <Form.Item
        required
        label="发文机关代字"
        name="docCode"
        rules={rule('docCode')}
        tooltip="发文字号中的机关代字，如“长委〔2026〕3号”中的“长委”"
      >
        <Input placeholder="例如：长委" />
      </Form.Item>
      <Form.Item
        label="发文机关标志"
        name="docBanner"
        rules={rule('docBanner')}
        extra={committee ? `不填则为“${defaultDocBanner(committee)}”` : undefined}
      >
        <Input placeholder="例如：中共长乐镇委员会文件" />
      </Form.Item>
      <Form.Item label="上级单位" name="superiorUnit" rules={rule('superiorUnit')} extra="报送汇总表时写明的上级单位">
        <Input placeholder="例如：中共嵊州市委组织部" />
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        保存
      </Button>
    </Form>
  );
}
