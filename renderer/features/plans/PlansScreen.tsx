import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Lookups } from '../../../shared/domain/lookups';
import type { PlanRow, PlanStatus } from '../../../shared/domain/plans';
import { call } from '../../api/client';
import { FilterSelect } from '../../components/FilterSelect';
import { KeyTable } from '../../components/KeyTable';
import { ListToolbar } from '../../components/ListToolbar';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useErrorMessage } from '../../components/useErrorMessage';
import { campaignOptions, useCampaigns } from '../campaigns/useCampaigns';
import { useLedgerNav } from '../ledger/navigation';
import { BatchCreateModal } from './BatchCreateModal';
import { boardColumns, boardWidth } from './boardColumns';
import { PlanDrawer, type NewPlan } from './PlanDrawer';
import { StatusCounts } from './StatusCounts';

const PAGE_SIZE = 50;

interface Filters {
  campaignId: number | null;
  statuses: PlanStatus[];
  workGroupIds: number[];
  areaIds: number[];
  overdueOnly: boolean;
}

const NO_FILTERS: Filters = { campaignId: null, statuses: [], workGroupIds: [], areaIds: [], overdueOnly: false };

interface Loaded {
  key: string;
  total: number;
  rows: PlanRow[];
}

interface Props {
  lookups: Lookups | null;
  openId: number | null;
  onOpen: (id: number | null) => void;
  /** 新建方案 under way (from here or from an enterprise's detail), or null. */
  newPlan: NewPlan | null;
  onNewPlan: (plan: NewPlan | null) => void;
}

/**
 * 一企一策 · 推进情况: every plan with its status and next milestone, overdue ones standing out, filtered by
 * 专项行动, status, work group, area; plans are made one at a time or for every 有党员未建党组织 enterprise at once.
 */
export function PlansScreen({ lookups, openId, onOpen, newPlan, onNewPlan }: Props) {
  const nav = useLedgerNav();
  const showError = useErrorMessage();
  const campaigns = useCampaigns();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 200);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [batching, setBatching] = useState(false);
  const { statuses, workGroupIds, areaIds, overdueOnly } = filters;
  // A campaign deleted (or taken back by 撤销) since it was picked no longer filters the board.
  const campaignId = campaigns && !campaigns.some((c) => c.id === filters.campaignId) ? null : filters.campaignId;
  // Every filter but the status: the status counts are counted under these.
  const base = useMemo(
    () => ({
      search: search || undefined,
      campaignId: campaignId ?? undefined,
      workGroupIds: workGroupIds.length > 0 ? workGroupIds : undefined,
      areaIds: areaIds.length > 0 ? areaIds : undefined,
      overdueOnly: overdueOnly || undefined,
    }),
    [search, campaignId, workGroupIds, areaIds, overdueOnly],
  );
  const queryKey = JSON.stringify([base, statuses]);
  // The page belongs to the query it was chosen for: another filter starts at the first page.
  const [paging, setPaging] = useState({ queryKey, page: 1 });
  const page = paging.queryKey === queryKey ? paging.page : 1;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([queryKey, page, nav.generation]);

  useEffect(() => {
    let live = true;
    call('plans:list', {
      ...base,
      statuses: statuses.length > 0 ? statuses : undefined,
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }).then((p) => live && setLoaded({ key, total: p.total, rows: p.rows }), showError);
    return () => {
      live = false;
    };
  }, [key, base, statuses, page, showError]);

  const settled = loaded?.key === key && searchText.trim() === search;
  const filtered =
    search !== '' || campaignId !== null || statuses.length + workGroupIds.length + areaIds.length > 0 || overdueOnly;
  const total = loaded?.total ?? 0;
  const workGroupOptions = [
    { value: 0, label: '未分组' },
    ...(lookups?.workGroups ?? []).map((g) => ({ value: g.id, label: g.name })),
  ];

  return (
    <div data-testid="plans-screen">
      <ListToolbar
        search={searchText}
        onSearch={setSearchText}
        placeholder="搜索企业名称或拼音首字母"
        searchLabel="搜索方案的企业"
        rowsRef={tableRef}
        filters={
          <>
            <Select<number>
              allowClear
              placeholder="专项行动"
              aria-label="专项行动"
              style={{ width: 180 }}
              loading={!campaigns}
              options={campaignOptions(campaigns)}
              showSearch={{ optionFilterProp: 'label' }}
              value={campaignId ?? undefined}
              onChange={(id) => setFilters({ ...filters, campaignId: id ?? null })}
              data-testid="plan-campaign-filter"
            />
            <FilterSelect
              label="推进组"
              width={170}
              loading={!lookups}
              options={workGroupOptions}
              value={filters.workGroupIds}
              onChange={(workGroupIds) => setFilters({ ...filters, workGroupIds })}
              testId="plan-work-group-filter"
            />
            <FilterSelect
              label="所在区域"
              width={170}
              loading={!lookups}
              options={lookups?.areas.map((a) => ({ value: a.id, label: a.name })) ?? []}
              value={filters.areaIds}
              onChange={(areaIds) => setFilters({ ...filters, areaIds })}
              testId="plan-area-filter"
            />
            <Checkbox
              checked={filters.overdueOnly}
              onChange={(e) => setFilters({ ...filters, overdueOnly: e.target.checked })}
              data-testid="plan-overdue-filter"
            >
              只看逾期
            </Checkbox>
          </>
        }
        testId="plan"
      />
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <StatusCounts
          query={base}
          generation={nav.generation}
          value={filters.statuses}
          onChange={(statuses) => setFilters({ ...filters, statuses })}
        />
        <Flex gap={8} align="center">
          <Typography.Text type="secondary" data-testid="plan-total">
            共 {total} 份{filtered ? '（已按条件筛选）' : ''}
          </Typography.Text>
          <Button
            icon={<ThunderboltOutlined />}
            disabled={nav.readOnly}
            onClick={() => setBatching(true)}
            data-testid="plan-batch"
          >
            批量生成方案
          </Button>
          <Button
            type="primary"
            disabled={nav.readOnly}
            onClick={() => {
              onOpen(null);
              onNewPlan({ enterprise: null });
            }}
            data-testid="plan-add"
          >
            新建方案
          </Button>
        </Flex>
      </Flex>
      <div ref={tableRef} data-testid="plan-table" data-loading={settled ? 'false' : 'true'} data-total={total}>
        <KeyTable<PlanRow>
          rowTestId="plan-row"
          columns={boardColumns((id) => onOpen(id))}
          dataSource={loaded?.rows ?? []}
          loading={!settled}
          openId={openId}
          onOpen={(r) => onOpen(r.id)}
          tableLayout="fixed"
          scroll={{ x: boardWidth }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 份`,
            onChange: (p) => setPaging({ queryKey, page: p }),
          }}
          locale={{
            emptyText: filtered
              ? '没有符合条件的方案'
              : '还没有方案：点“新建方案”，或“批量生成方案”为有党员未建党组织的企业各生成一份',
          }}
        />
      </div>
      <PlanDrawer
        id={openId}
        newPlan={newPlan}
        lookups={lookups}
        campaigns={campaigns}
        onClose={() => {
          onOpen(null);
          onNewPlan(null);
        }}
        onCreated={(id) => {
          onNewPlan(null);
          onOpen(id);
        }}
      />
      {batching && (
        <BatchCreateModal
          campaigns={campaigns}
          onClose={() => setBatching(false)}
          onDone={(campaignId) => setFilters({ ...NO_FILTERS, campaignId })}
        />
      )}
    </div>
  );
}
