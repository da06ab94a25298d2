import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { shortcutText } from '../../../shared/menu/appMenu';
import { usePreferences } from './PreferencesProvider';

/** The ledger header's small 设置 button. */
export function PreferencesButton() {
  const { openPreferences } = usePreferences();
  return (
    <Button
      icon={<SettingOutlined />}
      onClick={openPreferences}
      title={`本机设置：字号、文件夹、公文默认、打印用浏览器（${shortcutText('CmdOrCtrl+,')}）`}
      aria-label="本机设置"
      data-testid="prefs-open"
    />
  );
}

/** The start screen's entry, for a clerk who wants larger text before opening anything. */
export function PreferencesCard() {
  const { openPreferences } = usePreferences();
  return (
    <Card
      size="small"
      title={
        <Space>
          <SettingOutlined />
          本机设置
        </Space>
      }
      style={{ marginTop: 24 }}
    >
      <Space wrap>
        <Button icon={<SettingOutlined />} onClick={openPreferences} data-testid="prefs-open">
          本机设置…
        </Button>
        <Typography.Text type="secondary">字号、备份和导出文件夹、公文联系人、打印用浏览器</Typography.Text>
      </Space>
    </Card>
  );
}
