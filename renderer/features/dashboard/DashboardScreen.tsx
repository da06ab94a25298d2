import { CameraOutlined, DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Flex, Row, Select, Space, Spin, Tooltip, Typography } from 'antd';
import { lazy, useCallback, useMemo, useRef, useState } from 'react';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { INDICATOR_PARTS, type Indicator, type StatsReport } from '../../../shared/domain/indicators';
import { methodText } from '../../../shared/domain/fieldHelp';
import type { IndicatorSelection, SnapshotItem } from '../../../shared/ipc/stats';
import { call } from '../../api/client';
import { useCampaigns } from '../campaigns/useCampaigns';
import { useExcelActions } from '../excel/excelActions';
import { useLedgerNav } from '../ledger/navigation';
import { OnceOpened } from '../ledger/OnceOpened';
import { BreakdownPanel } from './BreakdownPanel';
import { campaignHeadline } from './campaignScope';
import { DashboardCharts } from './DashboardCharts';
import { isFresh, type FirstReads } from '../ledger/firstReads';
import { IndicatorCard } from './IndicatorCard';
import { PickContext, type Pick } from './NumberLink';
import { snapshotName } from './SnapshotCompare';
import { SnapshotEnterprisesModal, type SnapshotPick } from './SnapshotEnterprisesModal';
import { SnapshotsPanel } from './SnapshotsPanel';
import { TakeSnapshotModal } from './TakeSnapshotModal';
import { useLoaded } from './useLoaded';
import { useRevealAfter } from './useRevealAfter';
import { useLedgerRequest } from '../../app/commands/ledgerRequests';

// 指标设置 is opened now and then; its forms and their schemas come with the first opening, not with the figures.
const IndicatorsDrawer = lazy(() =>
  import('../indicators/IndicatorsDrawer').then((m) => ({ default: m.IndicatorsDrawer })),
);

/** The source choice standing for the live ledger. */
const LIVE = 0;
/** The scope choice standing for the whole township. */
const TOWNSHIP = 0;

type Campaign = { id: number; name: string };

/** The enterprises behind a number; counted among a campaign's enterprises when the figures were. */
function selectionOf(p: Pick, campaign: Campaign | undefined): IndicatorSelection {
  return {
    key: p.key,
    part: p.part,
    ...(p.row ? { breakdown: { dimension: p.row.dimension, key: p.row.key } } : {}),
    ...(campaign ? { campaignId: campaign.id } : {}),
  };
}

/** "有党员企业的组织覆盖率 · 未覆盖企业 · 长乐村", and "· 专项行动“…”" when the figures are a campaign's. */
function pickLabel(p: Pick, campaign: Campaign | undefined): string {
  return [
    p.name,
    INDICATOR_PARTS[p.part],
    ...(p.row ? [p.row.label] : []),
    ...(campaign ? [`专项行动“${campaign.name}”`] : []),
  ].join(' · ');
}

/**
 * 覆盖概览, the first thing a ledger shows: is each indicator meeting its target, by how much not, where, and how
 * it has moved. Figures come live from the ledger or as a snapshot froze them; every number opens its enterprises.
 * Live figures may be scoped to one 专项行动: its enterprises only, against its own targets. Snapshots are the
 * township's, so a snapshot and a campaign are never chosen together.
 */
export function DashboardScreen({ firstReads }: { firstReads: FirstReads | null }) {
  const nav = useLedgerNav();
  const excel = useExcelActions();
  // Moves on after a snapshot is taken or deleted and after indicators change: none of them is a change to the
  // enterprises, so the rest of the ledger screen need not read again.
  const [version, setVersion] = useState(0);
  const reread = useCallback(() => setVersion((v) => v + 1), []);
  const [sourceId, setSourceId] = useState<number>(LIVE);
  const [scopeId, setScopeId] = useState<number>(TOWNSHIP);
  const [taking, setTaking] = useState(false);
  useLedgerRequest('snapshot', () => setTaking(true));
  const [settingUp, setSettingUp] = useState(false);
  const [snapshotPick, setSnapshotPick] = useState<SnapshotPick | null>(null);

  const dataKey = `${nav.generation}#${version}`;
  // What was asked for when the ledger was shown, each read used once by this first view if nothing changed since.
  const first = useRef<Partial<Omit<FirstReads, 'askedAt'>> | null>(null);
  const once = <K extends Exclude<keyof FirstReads, 'askedAt'>>(name: K, fresh: () => FirstReads[K]): FirstReads[K] => {
    first.current ??= dataKey === '0#0' && firstReads && isFresh(firstReads) ? { ...firstReads } : {};
    const read = first.current[name];
    delete first.current[name];
    return read ?? fresh();
  };
  const snapshots = useLoaded(
    dataKey,
    () => once('snapshots', () => call('snapshots:list', {})),
    '读取统计快照失败，请重试',
  );
  const definitions = useLoaded(
    dataKey,
    () => once('definitions', () => Promise.all([call('indicators:list', {}), call('stats:settings', {})])),
    '读取指标设置失败，请重试',
  );
  const campaigns = useCampaigns();
  // A snapshot deleted since falls back to the live ledger, a campaign deleted since to the whole township.
  const viewing = sourceId !== LIVE && (snapshots.value ?? []).some((s) => s.id === sourceId) ? sourceId : LIVE;
  const scope =
    viewing === LIVE && scopeId !== TOWNSHIP && (campaigns ?? []).some((c) => c.id === scopeId) ? scopeId : TOWNSHIP;
  const report = useLoaded(
    `${dataKey}#${viewing}#${scope}`,
    () => {
      if (viewing !== LIVE) return call('stats:report', { snapshotId: viewing });
      if (scope !== TOWNSHIP) return call('stats:report', { campaignId: scope });
      return once('report', () => call('stats:report', {}));
    },
    '统计失败，请重试',
  );
  // Asked after the figures: the trend's live point is the same count, which the core then need not make twice.
  const trends = useLoaded(dataKey, () => once('trend', () => call('snapshots:trend', {})), '读取变化趋势失败，请重试');

  const byKey = useMemo(
    () => new Map<string, Indicator>((definitions.value?.[0] ?? []).map((d) => [d.key, d])),
    [definitions.value],
  );
  const settings = definitions.value?.[1] ?? null;
  const shown: StatsReport | null = report.value;
  const source = shown?.source ?? null;
  // A snapshot was counted by the rule of its day, which is not the setting now: its rule is left unsaid.
  const partyWork = source?.kind === 'live' ? (settings?.partyWork ?? null) : null;
  // Kept the same while the definitions are, like every prop of the panels below: they are memo'd, and a reading
  // that arrives for one of them (the trend, the snapshots, the campaigns) then draws that one again, not all.
  const methodOf = useCallback(
    (key: string) => {
      const definition = byKey.get(key);
      return definition ? methodText(definition, partyWork) : null;
    },
    [byKey, partyWork],
  );
  // Snapshots were each counted by the 党的工作覆盖 rule of their day: the comparison leaves the rule unsaid.
  const snapshotMethodOf = useCallback(
    (key: string) => {
      const definition = byKey.get(key);
      return definition ? methodText(definition, null) : null;
    },
    [byKey],
  );
  // What the figures on screen are of (not what is being read): a number opens the enterprises it stands for.
  const shownCampaign = source?.kind === 'live' ? source.campaign : undefined;
  const campaignTargets = (campaigns ?? []).find((c) => c.id === shownCampaign?.id)?.targets ?? null;

  const pick = useCallback(
    (p: Pick) => {
      const selection = selectionOf(p, shownCampaign);
      const label = pickLabel(p, shownCampaign);
      if (!source || source.kind === 'live') nav.open({ kind: 'indicator', selection, label });
      else {
        const name = source.label ? `${source.takenOn}（${source.label}）` : source.takenOn;
        setSnapshotPick({ snapshotId: source.id, snapshotName: name, selection, label });
      }
    },
    [nav, source, shownCampaign],
  );

  const belowCharts = useRevealAfter(shown !== null);
  const snapshotList: SnapshotItem[] = snapshots.value ?? [];
  const sourceOptions = [
    { value: LIVE, label: '当前台账（实时）' },
    ...snapshotList.map((s) => ({ value: s.id, label: `快照 ${snapshotName(s)}` })),
  ];
  const scopeOptions = [
    { value: TOWNSHIP, label: '全镇' },
    ...(campaigns ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
  const scoped = scope !== TOWNSHIP;

  return (
    <PickContext.Provider value={pick}>
      <div
        data-testid="dashboard"
        data-loading={String(report.loading)}
        data-source={source?.kind === 'snapshot' ? String(source.id) : 'live'}
        data-scope={shownCampaign ? String(shownCampaign.id) : 'township'}
      >
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
          <Space size="middle" wrap>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="dashboard-as-of">
              {source?.kind === 'snapshot' ? '快照日期' : '统计截止日期'}：{shown?.asOf ?? '…'}
            </Typography.Text>
            {source?.kind === 'live' && settings && settings.reportingOn === null && (
              <Typography.Text type="secondary">（未设定，按今天计）</Typography.Text>
            )}
            <Tooltip title={scoped ? '统计快照是全镇的数字；要查看快照，请先把统计范围改回“全镇”' : undefined}>
              <Select
                aria-label="数字来源"
                value={viewing}
                onChange={setSourceId}
                options={sourceOptions}
                disabled={scoped}
                style={{ width: 260 }}
                data-testid="dashboard-source"
              />
            </Tooltip>
            <Tooltip title={viewing !== LIVE ? '快照只有全镇的数字；按专项行动统计请先回到当前台账' : undefined}>
              <Space size={4}>
                <Typography.Text>统计范围</Typography.Text>
                <Select
                  aria-label="统计范围"
                  value={scope}
                  onChange={setScopeId}
                  options={scopeOptions}
                  disabled={viewing !== LIVE}
                  popupMatchSelectWidth={false}
                  style={{ width: 240 }}
                  data-testid="dashboard-scope-select"
                />
              </Space>
            </Tooltip>
          </Space>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => excel.openExport('coverage')}
              data-testid="dashboard-export-coverage"
            >
              覆盖情况统计表
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => excel.openExport('party-stats')}
              data-testid="dashboard-export-party-stats"
            >
              党内统计表
            </Button>
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
        {shown && shownCampaign && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={
              <span data-testid="dashboard-scope">{campaignHeadline(shownCampaign.name, shown.indicators, byKey)}</span>
            }
            description="只统计在这个专项行动中有一企一策方案的企业（不论方案状态），目标按专项行动设定的，没设的同全镇目标；点数字列出这些企业。变化趋势仍为全镇的数字。"
            action={
              <Button size="small" onClick={() => setScopeId(TOWNSHIP)}>
                回到全镇
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
                  <IndicatorCard
                    result={r}
                    definition={byKey.get(r.key) ?? null}
                    targetOrigin={campaignTargets ? (r.key in campaignTargets ? '专项行动目标' : '同全镇目标') : null}
                    partyWork={partyWork}
                  />
                </Col>
              ))}
            </Row>
            <DashboardCharts
              results={shown.indicators}
              trends={trends.value}
              trendsError={trends.error}
              townshipTrend={shownCampaign !== undefined}
            />
            {belowCharts && <BreakdownPanel results={shown.indicators} methodOf={methodOf} />}
          </Flex>
        )}
        <div style={{ marginTop: 16 }}>
          {snapshots.error && <Alert type="error" showIcon title={snapshots.error} />}
          {snapshots.value && belowCharts && (
            <SnapshotsPanel
              snapshots={snapshotList}
              viewing={viewing === LIVE ? null : viewing}
              onView={setSourceId}
              viewBlocked={scoped ? '按专项行动统计时不能查看快照（快照是全镇的数字），请先把统计范围改回“全镇”' : null}
              onDeleted={reread}
              methodOf={snapshotMethodOf}
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
      <OnceOpened open={settingUp}>
        <IndicatorsDrawer open={settingUp} onClose={() => setSettingUp(false)} onChanged={reread} />
      </OnceOpened>
      {snapshotPick && <SnapshotEnterprisesModal pick={snapshotPick} onClose={() => setSnapshotPick(null)} />}
    </PickContext.Provider>
  );
}
