import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tabs, Tag, Typography } from 'antd';
import type { CountyView } from '../../../shared/ipc/county';
import { COUNTY_HELP } from '../help/screenHelp';
import { ScreenHelpButton } from '../help/ScreenHelpButton';
import { CountyExportButton } from './CountyExportButton';
import { CountyOverview } from './CountyOverview';
import { DuplicatesList } from './DuplicatesList';
import { PartyStatsTable } from './PartyStatsTable';
import { TownshipTable } from './TownshipTable';

/** The open county view: read-only throughout, nothing here can change a township's ledger. */
export function CountyScreen({ view, onClose }: { view: CountyView; onClose: () => void }) {
  return (
    <Card
      data-testid="county-screen"
      title={
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="county-title">
            全县汇总 · {view.townships.length} 个乡镇 · 统计日期 {view.countedOn}
          </Typography.Title>
          <Tag>只读</Tag>
        </Flex>
      }
      extra={
        <Flex gap={8} align="start">
          <ScreenHelpButton help={COUNTY_HELP} />
          <CountyExportButton />
          <Button icon={<CloseOutlined />} onClick={onClose} data-testid="county-close">
            关闭汇总
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="county-files">
        汇总的乡镇台账：{view.townships.map((t) => `${t.township}（${t.file}）`).join('、')}
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'overview', label: '覆盖概览', children: <CountyOverview view={view} /> },
          { key: 'townships', label: '分乡镇指标', children: <TownshipTable view={view} /> },
          { key: 'party', label: '党内统计', children: <PartyStatsTable view={view} /> },
          {
            key: 'duplicates',
            label: `重复企业${view.duplicates.length ? `（${view.duplicates.length}）` : ''}`,
            children: <DuplicatesList duplicates={view.duplicates} />,
          },
        ]}
      />
    </Card>
  );
}
