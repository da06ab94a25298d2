import { Form, Input } from 'antd';
import { defaultDocBanner, defaultPrintedBy } from '../../shared/domain/ledger';
import type { LedgerSettingsInput } from '../../shared/ipc/ledgers';
import { lazySchemaRule } from './schemaRule';

// The start screen shows these fields: their schema is fetched for the first check, not with the first download.
const schema = () => import('../../shared/ipc/ledgers').then((m) => m.ledgerSettingsInput);
const rule = (field: keyof LedgerSettingsInput) => [lazySchemaRule(schema, field)];

/**
 * The township's own settings as form fields, the same when a ledger is created and when its settings are edited.
 * Must sit inside an antd Form over LedgerSettingsInput.
 */
export function LedgerSettingsFields({
  committee,
  onTownshipChange,
  autoFocus = false,
}: {
  /** The 党委全称 being typed, for the default 发文机关标志 shown under its field. */
  committee: string;
  onTownshipChange?: (township: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <>
      <Form.Item required label="乡镇名称" name="township" rules={rule('township')}>
        <Input
          placeholder="例如：长乐镇"
          onChange={onTownshipChange && ((e) => onTownshipChange(e.target.value))}
          autoFocus={autoFocus}
        />
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
      <Form.Item
        label="印发机关"
        name="docPrintedBy"
        rules={rule('docPrintedBy')}
        tooltip="公文版记中的印发机关，一般为党委办公室"
        extra={committee ? `不填则为“${defaultPrintedBy(committee)}”` : undefined}
      >
        <Input placeholder="例如：中共长乐镇委员会办公室" data-testid="settings-doc-printed-by" />
      </Form.Item>
      <Form.Item label="上级单位" name="superiorUnit" rules={rule('superiorUnit')} extra="报送汇总表时写明的上级单位">
        <Input placeholder="例如：中共嵊州市委组织部" />
      </Form.Item>
    </>
  );
}
