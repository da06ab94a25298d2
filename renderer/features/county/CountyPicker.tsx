import { ApartmentOutlined, ArrowLeftOutlined, DeleteOutlined, FolderAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, List, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CountyView } from '../../../shared/ipc/county';
import { call, pickTownshipLedger, type PickedLedger } from '../../api/client';
import { messageOf } from '../../components/formErrors';
import { usePasswordRetry } from '../security/usePasswordRetry';
import { COUNTY_HELP } from '../help/screenHelp';
import { ScreenHelpButton } from '../help/ScreenHelpButton';

interface Chosen extends PickedLedger {
  /** What the list shows: the file's name, or 乡镇台账 N where the shell does not say it. */
  label: string;
}

/**
 * Choosing the townships' ledger files one by one, then 开始汇总. A refusal (not a ledger, wrong version, the same
 * township twice …) is shown with the core's message naming the file, and the list stays so that file can be removed.
 */
export function CountyPicker({ onOpened, onBack }: { onOpened: (view: CountyView) => void; onBack: () => void }) {
  const [files, setFiles] = useState<Chosen[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'add' | 'open' | null>(null);
  const [added, setAdded] = useState(0);
  // Encrypted township files: asked for the password once, and the same files are opened again with it.
  const withPassword = usePasswordRetry();

  const add = async () => {
    setBusy('add');
    try {
      const picked = await pickTownshipLedger();
      if (!picked) return;
      if (picked.name !== null && files.some((f) => f.name === picked.name)) {
        setProblem(`“${picked.name}”已在列表中，同一个台账文件不能添加两次`);
        return;
      }
      setProblem(null);
      setAdded((n) => n + 1);
      setFiles((list) => [...list, { ...picked, label: picked.name ?? `乡镇台账 ${added + 1}` }]);
    } catch (e) {
      setProblem(messageOf(e, '未能读取所选文件，请重试'));
    } finally {
      setBusy(null);
    }
  };

  const start = async () => {
    setBusy('open');
    setProblem(null);
    const fileRefs = files.map((f) => f.fileRef);
    try {
      const view = await withPassword((password) => call('county:open', { fileRefs, password }));
      if (view) onOpened(view);
    } catch (e) {
      setProblem(messageOf(e, '汇总失败，请重试'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      data-testid="county-picker"
      title={
        <Space>
          <ApartmentOutlined />
          全县汇总
        </Space>
      }
      extra={
        <Space>
          <ScreenHelpButton help={COUNTY_HELP} />
          <Button icon={<ArrowLeftOutlined />} onClick={onBack} disabled={busy === 'open'}>
            返回开始页
          </Button>
        </Space>
      }
      style={{ maxWidth: 880, margin: '0 auto' }}
    >
      <Typography.Paragraph type="secondary">
        逐个添加各乡镇（街道）报送的台账文件，然后开始汇总。台账只读打开，不会改动乡镇的文件；加密的台账需输入密码（各台账共用一个密码）。
      </Typography.Paragraph>
      <List
        bordered
        dataSource={files}
        data-testid="county-files-chosen"
        locale={{ emptyText: <Empty description="还没有添加乡镇台账文件" /> }}
        renderItem={(f) => (
          <List.Item
            data-testid="county-file"
            actions={[
              <Button
                key="remove"
                type="link"
                danger
                icon={<DeleteOutlined />}
                disabled={busy === 'open'}
                onClick={() => {
                  setFiles((list) => list.filter((x) => x.fileRef !== f.fileRef));
                  setProblem(null);
                }}
                aria-label={`移除 ${f.label}`}
              >
                移除
              </Button>,
            ]}
          >
            {f.label}
          </List.Item>
        )}
      />
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} data-testid="county-problem" />
      )}
      <Flex gap={8} style={{ marginTop: 16 }} wrap>
        <Button
          icon={<FolderAddOutlined />}
          onClick={() => void add()}
          loading={busy === 'add'}
          disabled={busy === 'open'}
        >
          添加乡镇台账…
        </Button>
        <Button
          type="primary"
          onClick={() => void start()}
          loading={busy === 'open'}
          disabled={files.length === 0 || busy === 'add'}
          data-testid="county-start"
        >
          开始汇总
        </Button>
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          已添加 {files.length} 个
        </Typography.Text>
      </Flex>
    </Card>
  );
}
