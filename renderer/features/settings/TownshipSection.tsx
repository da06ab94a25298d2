import { Alert, App, Button, Form } from 'antd';
import { useState } from 'react';
import type { LedgerSettings } from '../../../shared/domain/ledger';
import type { LedgerSettingsInput } from '../../../shared/ipc/ledgers';
import { ApiError, call } from '../../api/client';
import { LedgerSettingsFields } from '../../components/LedgerSettingsFields';

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
      <LedgerSettingsFields committee={committee} />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        保存
      </Button>
    </Form>
  );
}
