import { Button, Form } from 'antd';
import { useState } from 'react';
import { defaultCommittee, defaultDocCode } from '../../../shared/domain/ledger';
import type { LedgerSettingsInput, OpenLedger } from '../../../shared/ipc/ledgers';
import { ApiError, call } from '../../api/client';
import { LedgerSettingsFields } from '../../components/LedgerSettingsFields';
import { useMenuCommand } from '../../app/commands/registry';

/**
 * 新建台账: asks only what the ledger cannot do without. 党委全称 and 代字 follow the township name as the clerk
 * types, until the clerk edits them.
 */
export function CreateLedgerForm({ onOpened }: { onOpened: (l: OpenLedger) => void }) {
  const [form] = Form.useForm<LedgerSettingsInput>();
  // 文件 → 新建台账 on the start screen: the form is already there, the cursor goes to its first field.
  useMenuCommand('file.newLedger', () => form.focusField('township'));
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
      <LedgerSettingsFields committee={committee} onTownshipChange={onTownshipChange} autoFocus />
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
