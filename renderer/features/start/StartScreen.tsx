import { ApartmentOutlined, FileAddOutlined, FolderOpenOutlined, ExperimentOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { OpenLedger, RecentLedger } from '../../../shared/ipc/ledgers';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { START_HELP } from '../help/screenHelp';
import { ScreenHelpButton } from '../help/ScreenHelpButton';
import { PreferencesCard } from '../preferences/PreferencesEntry';
import { CreateLedgerForm } from './CreateLedgerForm';
import { useLedgerOpener } from './useLedgerOpener';
import { useStartCommands } from './useStartCommands';

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

export function StartScreen({
  onOpened,
  onCounty,
}: {
  onOpened: (l: OpenLedger) => void;
  /** 全县汇总: choose several townships' ledger files and read them together, read-only. */
  onCounty: () => void;
}) {
  const [recent, setRecent] = useState<RecentLedger[] | null>(null);
  const showError = useErrorMessage();
  const { busy, run, openFile, openSample } = useLedgerOpener(onOpened);
  useStartCommands({ openFile, openSample, onCounty });

  useEffect(() => {
    const asked = recentAtStart ?? call('ledgers:listRecent', {});
    recentAtStart = null;
    asked.then(setRecent, (e: unknown) => {
      setRecent([]);
      showError(e);
    });
  }, [showError]);

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
        <PreferencesCard />
      </Col>
      <Col xs={24} lg={14}>
        <Card
          title={
            <Space>
              <FolderOpenOutlined />
              打开台账
            </Space>
          }
          extra={<ScreenHelpButton help={START_HELP} />}
          style={{ marginBottom: 24 }}
        >
          <Space wrap>
            <Button icon={<FolderOpenOutlined />} onClick={openFile} loading={busy === 'file'}>
              打开台账文件…
            </Button>
            <Button icon={<ExperimentOutlined />} onClick={openSample} loading={busy === 'sample'}>
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
