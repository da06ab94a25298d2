import { ApartmentOutlined, FileAddOutlined, FolderOpenOutlined, ExperimentOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { OpenLedger, RecentLedger } from '../../../shared/ipc/ledgers';
import { ApiError, call, pickLedgerFile } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { usePasswordRetry } from '../security/usePasswordRetry';
import { CreateLedgerForm } from './CreateLedgerForm';

let recentAtStart: Promise<RecentLedger[]> | null = null;

/**
 * Asks for the recent ledgers while the app is still finding out whether a ledger is open, so the start screen shows
 * its list in its first paint instead of asking only once it is there. Used by the first start screen only; the
 * returned function drops the answer when the app goes to a ledger instead (it would be stale by the time the clerk
 * comes back to the start screen).
 */
export function prefetchRecent(): () => void {
  const asked = call('ledgers:listRecent', {});
  asked.catch(() => undefined);
  recentAtStart = asked;
  return () => {
    if (recentAtStart === asked) recentAtStart = null;
  };
}

/** Opens a ledger; called again with the password when the core asks for one. */
type Opener = (password?: string) => Promise<OpenLedger>;

export function StartScreen({
  onOpened,
  onCounty,
}: {
  onOpened: (l: OpenLedger) => void;
  /** 全县汇总: choose several townships' ledger files and read them together, read-only. */
  onCounty: () => void;
}) {
  const [recent, setRecent] = useState<RecentLedger[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const showError = useErrorMessage();
  const { modal } = App.useApp();
  // An encrypted ledger is asked for its password (or recovery key) and the same call is made again with it.
  const withPassword = usePasswordRetry();

  useEffect(() => {
    const asked = recentAtStart ?? call('ledgers:listRecent', {});
    recentAtStart = null;
    asked.then(setRecent, (e: unknown) => {
      setRecent([]);
      showError(e);
    });
  }, [showError]);

  /**
   * A ledger on a network share or in a cloud-sync folder is refused (SQLite's locking cannot be trusted there):
   * the reason is shown with the offer to copy it into the local ledgers folder; the original stays as it is.
   */
  const offerCopy = (reason: string, copy: Opener) =>
    modal.confirm({
      title: '不能在此位置直接打开台账',
      content: `${reason} 可以把台账复制到本机的台账文件夹后打开，原文件保持不变。`,
      okText: '复制到本机并打开',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'copy-to-local' },
      onOk: async () => {
        try {
          const opened = await withPassword(copy);
          if (opened) onOpened(opened);
        } catch (e) {
          showError(e);
        }
      },
    });

  const run = async (key: string, open: Opener, copy?: Opener) => {
    setBusy(key);
    try {
      const opened = await withPassword(open);
      if (opened) onOpened(opened);
    } catch (e) {
      if (copy && e instanceof ApiError && e.code === 'UNSAFE_LOCATION') offerCopy(e.message, copy);
      else showError(e);
    } finally {
      setBusy(null);
    }
  };

  const openFile = async () => {
    const fileRef = await pickLedgerFile().catch((e: unknown) => {
      showError(e);
      return null;
    });
    if (!fileRef) return;
    // The reference stays valid after a refusal, so 复制到本机 can use it.
    await run(
      'file',
      (password) => call('ledgers:openFile', { fileRef, password }),
      (password) => call('ledgers:copyToLocal', { fileRef, password }),
    );
  };

  return (
    <Row gutter={24} data-testid="start-screen" data-ready={recent !== null ? 'true' : 'false'}>
      <Col xs={24} lg={10}>
        <Card
          title={
            <Space>
              <FileAddOutlined />
              新建台账
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">为本乡镇（街道）建立一本新的非公企业党建台账。</Typography.Paragraph>
          <CreateLedgerForm onOpened={onOpened} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          title={
            <Space>
              <FolderOpenOutlined />
              打开台账
            </Space>
          }
          style={{ marginBottom: 24 }}
        >
          <Space wrap>
            <Button icon={<FolderOpenOutlined />} onClick={openFile} loading={busy === 'file'}>
              打开台账文件…
            </Button>
            <Button
              icon={<ExperimentOutlined />}
              onClick={() => run('sample', () => call('ledgers:createSample', {}))}
              loading={busy === 'sample'}
            >
              打开示例台账
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            示例台账是一个虚构的乡镇（约600家企业），可放心试用各项功能，不影响正式台账。
          </Typography.Paragraph>
        </Card>
        <Card
          title={
            <Space>
              <ApartmentOutlined />
              全县汇总
            </Space>
          }
          style={{ marginBottom: 24 }}
        >
          <Button icon={<ApartmentOutlined />} onClick={onCounty} data-testid="county-entry">
            汇总多个乡镇台账（只读）
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            县委组织部汇总各乡镇（街道）报送的台账文件：按统一口径查看全县和各乡镇的覆盖率、党内统计表和重复登记的企业。
          </Typography.Paragraph>
        </Card>
        <Card title="最近打开">
          <List
            loading={recent === null}
            dataSource={recent ?? []}
            locale={{ emptyText: <Empty description="还没有打开过台账" /> }}
            data-testid="recent-list"
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Button
                    key="open"
                    type="link"
                    disabled={!r.exists}
                    loading={busy === r.id}
                    onClick={() =>
                      run(
                        r.id,
                        (password) => call('ledgers:open', { id: r.id, password }),
                        (password) => call('ledgers:copyToLocal', { id: r.id, password }),
                      )
                    }
                  >
                    打开
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      {r.title}
                      {!r.exists && <Tag color="default">文件已不存在</Tag>}
                    </Space>
                  }
                  description={`${r.fileName} · ${r.folder} · 上次打开 ${dayjs(r.lastOpenedAt).format('YYYY年M月D日 HH:mm')}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
