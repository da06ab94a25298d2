import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { defaultPrintedBy } from '../../../shared/domain/ledger';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { ApiError, call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';

/** Why 印发机关 cannot be changed here, or null when it can. */
function refusal(ledger: OpenLedger | null | 'locked'): string | null {
  if (ledger === 'locked') return '台账已锁定，解锁后才能修改印发机关';
  if (!ledger) return '印发机关属于台账：请先打开台账';
  if (ledger.readOnly) return '台账以只读方式打开，印发机关不能修改';
  return null;
}

/**
 * 印发机关 of the open ledger (its 台账设置, kept in the ledger file): the rest of the ledger's settings go back as
 * they are, so only this field changes.
 */
export function PrintedBySetting() {
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [ledger, setLedger] = useState<OpenLedger | null | 'locked' | undefined>(undefined);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('ledgers:current', {}).then(
      (l) => {
        if (!live) return;
        setLedger(l);
        setValue(l?.settings.docPrintedBy ?? '');
      },
      (e: unknown) => live && setLedger(e instanceof ApiError && e.code === 'LOCKED' ? 'locked' : null),
    );
    return () => {
      live = false;
    };
  }, []);

  const reason = ledger === undefined ? null : refusal(ledger);
  const current = ledger && ledger !== 'locked' ? ledger : null;

  const submit = async () => {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await call('settings:update', { settings: { ...current.settings, docPrintedBy: value } });
      setLedger({ ...current, settings: saved });
      setValue(saved.docPrintedBy ?? '');
      void message.success('印发机关已保存到本台账');
    } catch (e) {
      if (e instanceof ApiError && e.field === 'settings.docPrintedBy') setError(e.message);
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <Form.Item
        label="印发机关"
        validateStatus={error ? 'error' : undefined}
        help={error ?? reason ?? '属于当前台账，换台账时随之改变；不填则使用党委办公室。'}
        data-testid="prefs-printed-by-item"
      >
        <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
          <Input
            value={value}
            maxLength={30}
            disabled={reason !== null || ledger === undefined}
            placeholder={current ? defaultPrintedBy(current.settings.committee) : undefined}
            onChange={(e) => setValue(e.target.value)}
            data-testid="prefs-printed-by"
          />
          <Button
            htmlType="submit"
            loading={busy}
            disabled={
              reason !== null || ledger === undefined || value.trim() === (current?.settings.docPrintedBy ?? '')
            }
            data-testid="prefs-printed-by-save"
          >
            保存
          </Button>
        </Space.Compact>
        {current && (
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            当前台账：{current.settings.committee}
          </Typography.Text>
        )}
      </Form.Item>
    </Form>
  );
}
