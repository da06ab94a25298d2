import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { canPickBackupFolder } from '../../api/client';

/**
 * The backup folder as the clerk sees it, with 更改… where a native folder dialog can change it (the desktop); the
 * browser shell says where to change it instead. In 备份与恢复 and in 本机设置.
 */
export function BackupFolderField({
  folder,
  onChange,
  testId,
}: {
  folder: string;
  onChange: () => void;
  testId: string;
}) {
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text copyable data-testid={testId}>
        {folder}
      </Typography.Text>
      {canPickBackupFolder() ? (
        <Button size="small" icon={<FolderOpenOutlined />} onClick={onChange}>
          更改…
        </Button>
      ) : (
        <Typography.Text type="secondary">（浏览器版不能更改，请在桌面版中设置）</Typography.Text>
      )}
    </Flex>
  );
}
