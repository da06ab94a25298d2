import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LedgerSettings, LedgerSummary } from '../../../shared/domain/ledger';
import type { OpenLedger } from '../../../shared/ipc/ledgers';
import { call } from '../../api/client';
import { prefetchCharts } from '../../components/charts/Chart';
import { useCtrlHotkey } from '../../components/useHotkey';
import { useErrorMessage } from '../../components/useErrorMessage';
import { afterFirstView } from './afterFirstView';
import { takeFirstReads } from './firstReads';
import { ExcelProvider } from '../excel/ExcelProvider';
import { LEDGER_TAB_HELP } from '../help/screenHelp';
import { ScreenHelpButton } from '../help/ScreenHelpButton';
import type { NewPlan } from '../plans/PlanDrawer';
import { PreferencesButton } from '../preferences/PreferencesEntry';
import { useRemindersOnOpen } from '../reminders/useRemindersOnOpen';
import { DamagedBanner } from './DamagedBanner';
import {
  AssessmentsScreen,
  CampaignsScreen,
  DashboardScreen,
  DocumentsScreen,
  EnterpriseDetail,
  EnterpriseForm,
  EnterpriseList,
  ExcelScreen,
  FormationScreen,
  InstructorsScreen,
  LeadersScreen,
  MembersScreen,
  PartyOrgsScreen,
  PlansScreen,
  prefetchLedgerList,
  RemindersPanel,
  SettingsScreen,
  WorkGroupsScreen,
  WorkLogsScreen,
} from './lazyScreens';
import type { IndicatorFocus } from './list/EnterpriseList';
import { OnceOpened } from './OnceOpened';
import { TabSuspense } from './TabSuspense';
import { useLateDamage } from './useLateDamage';
import { LedgerCommands } from './useLedgerCommands';
import { useLedgerLookups } from './useLedgerLookups';
import { LedgerNavContext, type LedgerNav, type LedgerTab, type OpenTarget } from './navigation';

/** Which record each tab has open, if any. */
type Opened = Partial<Record<OpenTarget['kind'], number | null>>;

const TAB_OF: Record<Exclude<OpenTarget['kind'], 'enterprise'>, LedgerTab> = {
  org: 'orgs',
  member: 'members',
  instructor: 'instructors',
  leader: 'leaders',
  workGroup: 'workGroups',
  workLog: 'workLogs',
  plan: 'plans',
};

/** What has been read again since the ledger was opened; tied to the ledger it was read for. */
interface Fresh {
  ledgerId: string;
  summary?: LedgerSummary;
  settings?: LedgerSettings;
}

export function LedgerScreen({
  ledger,
  onClose,
  onReopened,
}: {
  ledger: OpenLedger;
  onClose: () => void;
  /** The ledger was replaced by a backup (恢复) and reopened: the whole screen starts again from it. */
  onReopened: (ledger: OpenLedger) => void;
}) {
  const showError = useErrorMessage();
  useLateDamage(ledger, onReopened);
  // Every change to the ledger's data moves this on; the list, lookups, counts and 撤销 follow it.
  const [generation, setGeneration] = useState(0);
  const changed = useCallback(() => setGeneration((g) => g + 1), []);
  // The ledger opens on 覆盖概览: "are we meeting the targets?" is the first question.
  const [tab, setTab] = useState<LedgerTab>('dashboard');
  // The enterprises behind a dashboard number; each opening is numbered so the same number clicked again re-applies.
  const [indicatorFocus, setIndicatorFocus] = useState<IndicatorFocus | null>(null);
  const [opened, setOpened] = useState<Opened>({});
  const openId = opened.enterprise ?? null;
  const setOpenId = useCallback((id: number | null) => setOpened((o) => ({ ...o, enterprise: id })), []);
  const opener = useCallback(
    (kind: Exclude<OpenTarget['kind'], 'enterprise'>) => (id: number | null) =>
      setOpened((o) => ({ ...o, [kind]: id })),
    [],
  );
  const [adding, setAdding] = useState(false);
  // 新建方案, from the 一企一策 tab or from an enterprise's detail (which names the enterprise).
  const [newPlan, setNewPlan] = useState<NewPlan | null>(null);
  const [fresh, setFresh] = useState<Fresh>({ ledgerId: ledger.id });
  const ledgerId = ledger.id;
  const remember = useCallback(
    (patch: Omit<Fresh, 'ledgerId'>) =>
      setFresh((f) => ({ ...(f.ledgerId === ledgerId ? f : {}), ...patch, ledgerId })),
    [ledgerId],
  );

  // Its figures, asked for the moment the ledger was shown (App, bootReads), go to its first view.
  const [firstReads] = useState(() => takeFirstReads(ledger.id));

  // The ledger opens on its dashboard: its chart code comes down while the figures are being counted.
  useEffect(prefetchCharts, []);

  useEffect(() => {
    if (generation === 0) return;
    let live = true;
    call('ledgers:summary', {}).then((summary) => live && remember({ summary }), showError);
    return () => {
      live = false;
    };
  }, [generation, remember, showError]);

  const settingsChanged = useCallback(() => {
    changed();
    // The township or committee may have been renamed: the title above must follow.
    call('ledgers:current', {}).then((current) => current && remember({ settings: current.settings }), showError);
  }, [changed, remember, showError]);

  const nav = useMemo<LedgerNav>(
    () => ({
      generation,
      changed,
      readOnly: ledger.readOnly,
      open(target) {
        // The enterprise drawer opens over any tab; any other record opens on its own tab, in front.
        if (target.kind === 'enterprise') return setOpened((o) => ({ ...o, enterprise: target.id }));
        if (target.kind === 'newPlan') {
          setTab('plans');
          setOpened((o) => ({ ...o, enterprise: null, plan: null }));
          setNewPlan({ enterprise: { id: target.enterpriseId, name: target.enterpriseName } });
          return;
        }
        if (target.kind === 'indicator') {
          const { selection, label } = target;
          setTab('list');
          setOpened((o) => ({ ...o, enterprise: null }));
          setIndicatorFocus((f) => ({ filter: { selection, label }, seq: (f?.seq ?? 0) + 1 }));
          return;
        }
        setTab(TAB_OF[target.kind]);
        setOpened((o) => ({ ...o, enterprise: null, [target.kind]: target.id }));
      },
    }),
    [generation, changed, ledger.readOnly],
  );
  const reminderCount = useRemindersOnOpen(ledger.id, generation, () => setTab('reminders'));

  const own = fresh.ledgerId === ledgerId ? fresh : null;
  const settings = own?.settings ?? ledger.settings;
  const summary = own?.summary ?? ledger.summary;
  const listActive = tab === 'list' && openId === null && !adding;
  // The enterprise's drawer and form read what they need themselves; the tabs and the export dialog use these.
  const { lookups, want: wantLookups } = useLedgerLookups(generation, tab !== 'dashboard', showError);
  useEffect(() => afterFirstView(prefetchLedgerList), []);

  // Ctrl+N means nothing else inside the search box, so it works from there too.
  useCtrlHotkey('n', () => setAdding(true), listActive && !ledger.readOnly, true);

  return (
    <LedgerNavContext.Provider value={nav}>
      <ExcelProvider lookups={lookups} onNeedLookups={wantLookups}>
        <LedgerCommands setTab={setTab} onAdd={() => setAdding(true)} readOnly={ledger.readOnly}>
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
                  <PreferencesButton />
                  <Button icon={<ArrowLeftOutlined />} onClick={onClose}>
                    返回开始页
                  </Button>
                </Space>
              </Space>
              {ledger.notice && <Alert type="warning" showIcon title={ledger.notice} style={{ marginTop: 16 }} />}
              {ledger.damaged && <DamagedBanner damaged={ledger.damaged} onRestored={onReopened} />}
            </Card>
            <Card size="small" styles={{ body: { paddingTop: 0 } }}>
              <Tabs
                activeKey={tab}
                onChange={(key) => setTab(key as LedgerTab)}
                tabBarExtraContent={<ScreenHelpButton help={LEDGER_TAB_HELP[tab]} />}
                items={lazyTabs([
                  { key: 'dashboard', label: '覆盖概览', children: <DashboardScreen firstReads={firstReads} /> },
                  {
                    key: 'reminders',
                    label: (
                      <Badge count={reminderCount} size="small" offset={[8, -2]} data-testid="reminder-badge">
                        提醒
                      </Badge>
                    ),
                    children: <RemindersPanel />,
                  },
                  {
                    key: 'list',
                    label: '企业台账',
                    children: (
                      <EnterpriseList
                        generation={generation}
                        lookups={lookups}
                        readOnly={ledger.readOnly}
                        active={listActive}
                        onChanged={changed}
                        onOpen={setOpenId}
                        onAdd={() => setAdding(true)}
                        indicatorFocus={indicatorFocus}
                      />
                    ),
                  },
                  { key: 'formation', label: '组建名册', children: <FormationScreen lookups={lookups} /> },
                  {
                    key: 'plans',
                    label: '一企一策',
                    children: (
                      <PlansScreen
                        lookups={lookups}
                        openId={opened.plan ?? null}
                        onOpen={opener('plan')}
                        newPlan={newPlan}
                        onNewPlan={setNewPlan}
                      />
                    ),
                  },
                  { key: 'campaigns', label: '专项行动', children: <CampaignsScreen /> },
                  { key: 'assessments', label: '双强评价', children: <AssessmentsScreen lookups={lookups} /> },
                  {
                    key: 'orgs',
                    label: '党组织',
                    children: <PartyOrgsScreen lookups={lookups} openId={opened.org ?? null} onOpen={opener('org')} />,
                  },
                  {
                    key: 'members',
                    label: '党员名册',
                    children: (
                      <MembersScreen lookups={lookups} openId={opened.member ?? null} onOpen={opener('member')} />
                    ),
                  },
                  {
                    key: 'instructors',
                    label: '指导员',
                    children: (
                      <InstructorsScreen
                        lookups={lookups}
                        openId={opened.instructor ?? null}
                        onOpen={opener('instructor')}
                      />
                    ),
                  },
                  {
                    key: 'leaders',
                    label: '联系领导',
                    children: (
                      <LeadersScreen lookups={lookups} openId={opened.leader ?? null} onOpen={opener('leader')} />
                    ),
                  },
                  {
                    key: 'workGroups',
                    label: '推进组',
                    children: (
                      <WorkGroupsScreen
                        lookups={lookups}
                        openId={opened.workGroup ?? null}
                        onOpen={opener('workGroup')}
                      />
                    ),
                  },
                  {
                    key: 'workLogs',
                    label: '工作记录',
                    children: (
                      <WorkLogsScreen lookups={lookups} openId={opened.workLog ?? null} onOpen={opener('workLog')} />
                    ),
                  },
                  { key: 'excel', label: '导入导出', children: <ExcelScreen /> },
                  {
                    key: 'documents',
                    label: '公文',
                    children: <DocumentsScreen lookups={lookups} docCode={settings.docCode} />,
                  },
                  {
                    key: 'settings',
                    label: '台账设置',
                    children: <SettingsScreen onChanged={settingsChanged} onRestored={onReopened} />,
                  },
                ])}
              />
            </Card>
            <OnceOpened open={openId !== null}>
              <EnterpriseDetail id={openId} onClose={() => setOpenId(null)} onChanged={changed} />
            </OnceOpened>
            <OnceOpened open={adding}>
              <EnterpriseForm open={adding} enterpriseId={null} onClose={() => setAdding(false)} onSaved={changed} />
            </OnceOpened>
          </div>
        </LedgerCommands>
      </ExcelProvider>
    </LedgerNavContext.Provider>
  );
}

/** Each tab's screen behind its own boundary: a tab fetched the first time shows a spinner, the others stay as they are. */
function lazyTabs<T extends { children: ReactNode }>(items: T[]): T[] {
  return items.map((item) => ({ ...item, children: <TabSuspense>{item.children}</TabSuspense> }));
}
