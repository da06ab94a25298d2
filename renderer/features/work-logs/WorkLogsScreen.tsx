import { Checkbox, DatePicker, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { localDate } from '../../../shared/domain/enterpriseRules';
import { WORK_LOG_KINDS, type WorkLogKind } from '../../../shared/domain/labels';
import type { Lookups } from '../../../shared/domain/lookups';
import type { WorkLogRow } from '../../../shared/domain/party';
import type { Page } from '../../../shared/ipc/fields';
import type { WorkLogQuery } from '../../../shared/ipc/workLogs';
import { call } from '../../api/client';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { workLogColumns } from './columns';
import { WorkLogDetail } from './WorkLogDetail';
import { WorkLogForm } from './WorkLogForm';
import { FilterSelect } from '../../components/FilterSelect';
import { ListToolbar } from '../../components/ListToolbar';

const PAGE_SIZE = 50;

interface Filters {
  kinds: WorkLogKind[];
  instructorId?: number;
  from?: string;
  to?: string;
  openFollowUps: boolean;
}

const KIND_OPTIONS = (Object.keys(WORK_LOG_KINDS) as WorkLogKind[]).map((value) => ({
  value,
  label: WORK_LOG_KINDS[value],
}));

/** A page as read for one request, so a late answer to an older request is never shown as the current one. */
interface Loaded {
  key: string;
  page: Page<WorkLogRow>;
}

/**
 * 工作记录 across the township, newest first: searched by enterprise (name or pinyin initials) or by what was
 * written, filtered by kind, instructor, dates and open follow-ups.
 */
export function WorkLogsScreen({
  lookups,
  openId,
  onOpen,
}: {
  lookups: Lookups | null;
  openId: number | null;
  onOpen: (id: number | null) => void;
}) {
  const nav = useLedgerNav();
  const showError = useErrorMessage();
  const [search, setSearch] = useState('');
  const settledSearch = useDebouncedValue(search.trim(), 300);
  const [filters, setFilters] = useState<Filters>({ kinds: [], openFollowUps: false });
  const [pageNo, setPageNo] = useState(1);
  const [adding, setAdding] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const today = localDate(new Date());

  const request = useMemo(() => {
    const query: WorkLogQuery = {
      search: settledSearch || undefined,
      kinds: filters.kinds.length > 0 ? filters.kinds : undefined,
      instructorId: filters.instructorId,
      from: filters.from ?? null,
      to: filters.to ?? null,
      openFollowUps: filters.openFollowUps || undefined,
    };
    return { query, offset: (pageNo - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  }, [settledSearch, filters, pageNo]);
  const key = `${JSON.stringify(request)}#${nav.generation}`;

  useEffect(() => {
    let live = true;
    call('workLogs:list', request).then((page) => live && setLoaded({ key, page }), showError);
    return () => {
      live = false;
    };
  }, [request, key, showError]);

  const loading = loaded?.key !== key;
  const page = loaded?.page ?? { total: 0, rows: [] };
  const filter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPageNo(1);
  };

  return (
    <div data-testid="work-logs-screen">
      <ListToolbar
        testId="work-log"
        search={search}
        onSearch={(s) => {
          setSearch(s);
          setPageNo(1);
        }}
        placeholder="搜索企业名称、拼音首字母或记录内容"
        addText="新增记录"
        onAdd={() => setAdding(true)}
        readOnly={nav.readOnly}
        filters={
          <>
            <FilterSelect<WorkLogKind>
              label="类型"
              options={KIND_OPTIONS}
              value={filters.kinds}
              onChange={(kinds) => filter({ kinds })}
              testId="work-log-kind-filter"
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="指导员"
              aria-label="指导员"
              style={{ width: 140 }}
              options={(lookups?.instructors ?? []).map((i) => ({ value: i.id, label: i.name }))}
              value={filters.instructorId}
              onChange={(instructorId?: number) => filter({ instructorId })}
              data-testid="work-log-instructor-filter"
            />
            <DatePicker.RangePicker
              aria-label="日期范围"
              placeholder={['起始日期', '截止日期']}
              value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
              onChange={(range) =>
                filter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
              }
              data-testid="work-log-range-filter"
            />
            <Checkbox
              checked={filters.openFollowUps}
              onChange={(e) => filter({ openFollowUps: e.target.checked })}
              data-testid="work-log-open-filter"
            >
              仅未完成跟进
            </Checkbox>
          </>
        }
      />
      <div data-testid="work-log-table" data-loading={String(loading)} data-total={page.total}>
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          columns={workLogColumns(today, true, onOpen)}
          dataSource={page.rows}
          locale={{ emptyText: '暂无工作记录' }}
          onRow={(log) =>
            ({
              onClick: () => onOpen(log.id),
              style: { cursor: 'pointer' },
              'data-testid': 'work-log-row',
              'data-id': log.id,
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: pageNo,
            pageSize: PAGE_SIZE,
            total: page.total,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 条`,
            onChange: setPageNo,
          }}
        />
      </div>
      {adding && <WorkLogForm logId={null} onClose={() => setAdding(false)} onSaved={() => nav.changed()} />}
      <WorkLogDetail id={openId} onClose={() => onOpen(null)} />
    </div>
  );
}
