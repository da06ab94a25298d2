import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { EnterpriseDetail } from './EnterpriseDetail';
import { EnterpriseTable } from './EnterpriseTable';

export function LedgerScreen({ ledger, onClose }: { ledger: OpenLedger; onClose: () => void }) {
  const [openId, setOpenId] = useState<number | null>(null);
  const { settings, summary } = ledger;
  return (
    <div data-testid="ledger-screen">
      <Card style={{ marginBottom: 16 }}>
        <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="ledger-title">
              {settings.committee}
            </Typography.Title>
            <Typography.Text type="secondary">
              {settings.township} · 台账文件 {ledger.fileName} · 发文机关代字“{settings.docCode}”
            </Typography.Text>
            {ledger.readOnly && (
              <Tag color="orange" style={{ marginLeft: 8 }}>
                只读
              </Tag>
            )}
          </div>
          <Space size="large">
            <Statistic title="企业（单位）" value={summary.enterprises} suffix="家" />
            <Statistic title="村、社区、园区、市场" value={summary.areas} suffix="个" />
            <Button icon={<ArrowLeftOutlined />} onClick={onClose}>
              返回开始页
            </Button>
          </Space>
        </Space>
        {ledger.notice && <Alert type="warning" showIcon title={ledger.notice} style={{ marginTop: 16 }} />}
      </Card>
      <Card title="企业台账" size="small">
        <EnterpriseTable onOpen={setOpenId} />
      </Card>
      <EnterpriseDetail id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
