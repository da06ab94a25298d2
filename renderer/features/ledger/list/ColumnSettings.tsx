import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space } from 'antd';
import { COLUMNS } from './columns';
import { ALWAYS_SHOWN, type ColumnLayout } from './useColumnPrefs';

/** 列设置: which columns the grid shows (widths are set by dragging the headers). */
export function ColumnSettings({ layout }: { layout: ColumnLayout }) {
  const content = (
    <div style={{ width: 320 }}>
      <Checkbox.Group
        value={[...layout.visibleKeys]}
        onChange={(keys) => layout.setVisible(keys as string[])}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '4px 12px' }}
        options={COLUMNS.map((c) => ({ value: c.key, label: c.title, disabled: c.key === ALWAYS_SHOWN }))}
      />
      <Space style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }}>
        <Button size="small" onClick={layout.reset}>
          恢复默认
        </Button>
      </Space>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="显示的列" content={content} destroyOnHidden>
      <Button icon={<SettingOutlined />}>列设置</Button>
    </Popover>
  );
}
