import { CameraOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Flex, Row, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { INDICATOR_PARTS, type Indicator, type StatsReport } from '../../../shared/domain/indicators';
import type { IndicatorSelection, SnapshotItem } from '../../../shared/ipc/stats';
import { call } from '../../api/client';
import { IndicatorsDrawer } from '../indicators/IndicatorsDrawer';
import { useLedgerNav } from '../ledger/navigation';
import { BreakdownPanel } from './BreakdownPanel';
import { DashboardCharts } from './DashboardCharts';
import { IndicatorCard } from './IndicatorCard';
import { PickContext, type Pick } from './NumberLink';
import { snapshotName } from './SnapshotCompare';
import { SnapshotEnterprisesModal, type SnapshotPick } from './SnapshotEnterprisesModal';
import { SnapshotsPanel } from './SnapshotsPanel';
import { TakeSnapshotModal } from './TakeSnapshotModal';
import { useLoaded } from './useLoaded';

/** The source choice standing for the live ledger. */
const LIVE = 0;

function selectionOf(p: Pick): IndicatorSelection {
  return {
    key: p.key,
    part: p.part,
    ...(p.row ? { breakdown: { dimension: p.row.dimension, key: p.row.key } } : {}),
  };
}

/** "有党员企业的组织覆盖率 · 未覆盖企业 · 长乐村" */
function pickLabel(p: Pick): string {
  return [p.name, INDICATOR_PARTS[p.part], ...(p.row ? [p.row.label] : [])].join(' · ');
}

/**
 * 覆盖概览, the first thing a ledger shows: is each indicator meeting its target, by how much not, where, and how
 * it has moved. Figures come live from the ledger or as a snapshot froze them; every number opens its enterprises.
 */
export function DashboardScreen() {
  const nav = useLedgerNav();
  // Moves on after a snapshot is taken or deleted and after indicators change: none of them is a change to the
  // enterprises, so the rest of the ledger screen need not read again.
  const [version, setVersion] = useState(0);
  const reread = useCallback(() => setVersion((v) => v + 1), []);
  const [sourceId, setSourceId] = useState<number>(LIVE);
  const [taking, setTaking] = useState(false);
  const [settingUp, setSettingUp] = useState(false);
  const [snapshotPick, setSnapshotPick] = useState<SnapshotPick | null>(null);

  const dataKey = `${nav.generation}#${version}`;
  const snapshots = useLoaded(dataKey, () => call('snapshots:list', {}), '读取统计快照失败，请重试');
  const definitions = useLoaded(
    dataKey,
    () => Promise.all([call('indicators:list', {}), call('stats:settings', {})]),
    '读取指标设置失败，请重试',
  );
  const trends = useLoaded(dataKey, () => call('snapshots:trend', {}), '读取变化趋势失败，请重试');
  // A snapshot deleted since falls back to the live ledger.
  const viewing = sourceId !== LIVE && (snapshots.value ?? []).some((s) => s.id === sourceId) ? sourceId : LIVE;
  const report = useLoaded(
    `${dataKey}#${viewing}`,
    () => call('stats:report', viewing === LIVE ? {} : { snapshotId: viewing }),
    '统计失败，请重试',
  );

  const byKey = useMemo(
    () => new Map<string, Indicator>((definitions.value?.[0] ?? []).map((d) => [d.key, d])),
    [definitions.value],
  );
  const settings = definitions.value?.[1] ?? null;
  const shown: StatsReport | null = report.value;
  const source = shown?.source ?? null;

  const pick = useCallback(
    (p: Pick) => {
      const selection = selectionOf(p);
      const label = pickLabel(p);
      if (!source || source.kind === 'live') nav.open({ kind: 'indicator', selection, label });
      else {
        const name = source.label ? `${source.takenOn}（${source.label}）` : source.takenOn;
        setSnapshotPick({ snapshotId: source.id, snapshotName: name, selection, label });
      }
    },
    [nav, source],
  );

  const snapshotList: SnapshotItem[] = snapshots.value ?? [];
  const sourceOptions = [
    { value: LIVE, label: '当前台账（实时）' },
    ...snapshotList.map((s) => ({ value: s.id, label: `快照 ${snapshotName(s)}` })),
  ];

  return (
    <PickContext.Provider value={pick}>
      <div
        data-testid="dashboard"
        data-loading={String(report.loading)}
        data-source={source?.kind === 'snapshot' ? String(source.id) : 'live'}
      >
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
          <Space size="middle" wrap>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="dashboard-as-of">
              {source?.kind === 'snapshot' ? '快照日期' : '统计截止日期'}：{shown?.asOf ?? '…'}
            </Typography.Text>
            {source?.kind === 'live' && settings && settings.reportingOn === null && (
              <Typography.Text type="secondary">（未设定，按今天计）</Typography.Text>
            )}
            <Select
              aria-label="数字来源"
              value={viewing}
              onChange={setSourceId}
              options={sourceOptions}
              style={{ width: 260 }}
              data-testid="dashboard-source"
            />
          </Space>
          <Space wrap>
            {!nav.readOnly && (
              <Button icon={<CameraOutlined />} onClick={() => setTaking(true)} data-testid="take-snapshot">
                生成快照
              </Button>
            )}
            <Button icon={<SettingOutlined />} onClick={() => setSettingUp(true)} data-testid="open-indicators">
              指标设置
            </Button>
          </Space>
        </Flex>
        {source?.kind === 'snapshot' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`正在查看快照“${source.label || source.takenOn}”冻结的数字；点数字列出快照时的企业。`}
            action={
              <Button size="small" onClick={() => setSourceId(LIVE)}>
                回到当前台账
              </Button>
            }
          />
        )}
        {report.error && <Alert type="error" showIcon title={report.error} style={{ marginBottom: 12 }} />}
        {!shown && !report.error && <Spin description="正在统计…" style={{ display: 'block', margin: 48 }} />}
        {shown && shown.indicators.length === 0 && (
          <Empty description="没有启用的指标。请在“指标设置”中启用或新增指标" />
        )}
        {shown && shown.indicators.length > 0 && (
          <Flex vertical gap={16}>
            <Row gutter={[16, 16]}>
              {shown.indicators.map((r) => (
                <Col key={r.key} xs={24} md={12} xxl={8}>
                  <IndicatorCard result={r} definition={byKey.get(r.key) ?? null} />
                </Col>
              ))}
            </Row>
            <DashboardCharts results={shown.indicators} trends={trends.value} trendsError={trends.error} />
            <BreakdownPanel results={shown.indicators} />
          </Flex>
        )}
        <div style={{ marginTop: 16 }}>
          {snapshots.error && <Alert type="error" showIcon title={snapshots.error} />}
          {snapshots.value && (
            <SnapshotsPanel
              snapshots={snapshotList}
              viewing={viewing === LIVE ? null : viewing}
              onView={setSourceId}
              onDeleted={reread}
            />
          )}
        </div>
      </div>
      {taking && (
        <TakeSnapshotModal
          defaultDate={settings?.reportingOn ?? localDate(new Date())}
          onCancel={() => setTaking(false)}
          onTaken={() => {
            setTaking(false);
            reread();
          }}
        />
      )}
      <IndicatorsDrawer open={settingUp} onClose={() => setSettingUp(false)} onChanged={reread} />
      {snapshotPick && <SnapshotEnterprisesModal pick={snapshotPick} onClose={() => setSnapshotPick(null)} />}
    </PickContext.Provider>
  );
}
