import { Segmented, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { FORMATION_METHODS, type FormationMethod } from '../../../shared/domain/labels';
import type { Lookups } from '../../../shared/domain/lookups';
import type { FormationRow } from '../../../shared/ipc/stats';
import { call } from '../../api/client';
import { count } from '../../components/format';
import { KeyTable } from '../../components/KeyTable';
import { FilterSelect } from '../../components/FilterSelect';
import { ListToolbar } from '../../components/ListToolbar';
import { OpenLink } from '../../components/OpenLink';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useErrorMessage } from '../../components/useErrorMessage';
import { optionsOf } from '../enterprise-form/fields';
import { OrgSettingTag } from '../ledger/labels';
import { useLedgerNav } from '../ledger/navigation';

const PAGE_SIZE = 50;

type ListKind = 'members-no-org' | 'differs';

const LISTS: Record<ListKind, string> = {
  'members-no-org': '有党员未建党组织企业名册',
  differs: '组建方向与建议不一致',
};

interface Filters {
  areaIds: number[];
  method: FormationMethod | null;
}

interface Loaded {
  key: string;
  total: number;
  rows: FormationRow[];
}

/** The columns of the 名册 (and of the differing list, which adds 组织设置: it holds 挂靠 and 联合 ones too). */
function columnsOf(list: ListKind, offset: number, open: (id: number) => void): TableColumnsType<FormationRow> {
  const columns: TableColumnsType<FormationRow> = [
    { title: '序号', key: 'no', width: 64, align: 'right', render: (_v, _r, i) => offset + i + 1 },
    {
      title: '企业名称',
      dataIndex: 'name',
      width: 220,
      render: (name: string, r) => (
        <OpenLink onOpen={() => open(r.id)} testId="formation-enterprise-link">
          {name}
        </OpenLink>
      ),
    },
    { title: '所在区域', dataIndex: 'areaName', width: 130 },
    { title: '正式党员', dataIndex: 'fullMembers', width: 80, align: 'right' },
    { title: '预备党员', dataIndex: 'probationaryMembers', width: 80, align: 'right' },
    { title: '从业人员', dataIndex: 'employees', width: 80, align: 'right', render: (n: number | null) => count(n) },
  ];
  if (list === 'differs') {
    columns.push({ title: '组织设置', dataIndex: 'orgSetting', width: 96, render: (s) => <OrgSettingTag value={s} /> });
  }
  columns.push(
    {
      title: '建议组建方式',
      key: 'method',
      width: 112,
      render: (_v, r) => <Tag color="blue">{FORMATION_METHODS[r.suggestion.method]}</Tag>,
    },
    // The reason is a sentence: it wraps in its column rather than pushing 组建方向 off the screen.
    { title: '理由', key: 'reason', width: 340, render: (_v, r) => r.suggestion.reason },
    {
      title: '组建方向',
      key: 'direction',
      width: 150,
      render: (_v, r) => (
        <Space size={4} wrap>
          {r.formationDirection ? FORMATION_METHODS[r.formationDirection] : '未填'}
          {r.differs && <Tag color="warning">与建议不同</Tag>}
        </Space>
      ),
    },
  );
  return columns;
}

/** The table's width: every column has one, so the reason wraps and nothing is cut off. */
const columnsWidth = (list: ListKind) =>
  columnsOf(list, 0, () => undefined).reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);

/**
 * 组建名册: the 有党员未建党组织企业名册 with each enterprise's suggested formation method and the reason, and the
 * enterprises whose 组建方向 is not what the rule suggests. Both are read from the core, which applies the same rule
 * as every enterprise's detail; a name opens the enterprise, and the lists follow every change to the ledger.
 */
export function FormationScreen({ lookups }: { lookups: Lookups | null }) {
  const nav = useLedgerNav();
  const showError = useErrorMessage();
  const [list, setList] = useState<ListKind>('members-no-org');
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 200);
  const [filters, setFilters] = useState<Filters>({ areaIds: [], method: null });
  const queryKey = JSON.stringify([list, search, filters]);
  // The page belongs to the query it was chosen for: another list, search or filter starts at the first page.
  const [paging, setPaging] = useState({ queryKey, page: 1 });
  const page = paging.queryKey === queryKey ? paging.page : 1;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([queryKey, page, nav.generation]);

  useEffect(() => {
    let live = true;
    call('formation:list', {
      list,
      search: search || undefined,
      areaIds: filters.areaIds.length > 0 ? filters.areaIds : undefined,
      method: filters.method ?? undefined,
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }).then((p) => live && setLoaded({ key, total: p.total, rows: p.rows }), showError);
    return () => {
      live = false;
    };
  }, [key, list, search, filters, page, showError]);

  const settled = loaded?.key === key && searchText.trim() === search;
  const filtered = search !== '' || filters.areaIds.length > 0 || filters.method !== null;
  const total = loaded?.total ?? 0;
  const open = (id: number) => nav.open({ kind: 'enterprise', id });
  const empty =
    list === 'members-no-org'
      ? '没有有党员但未建党组织的企业'
      : '没有组建方向与建议不一致的企业（只比较已填写组建方向、未单独建立党组织的企业）';

  return (
    <div data-testid="formation-screen">
      <Segmented<ListKind>
        value={list}
        onChange={setList}
        options={(Object.keys(LISTS) as ListKind[]).map((value) => ({ value, label: LISTS[value] }))}
        style={{ marginBottom: 12 }}
        data-testid="formation-list-switch"
      />
      <ListToolbar
        search={searchText}
        onSearch={setSearchText}
        placeholder="搜索企业名称或拼音首字母"
        searchLabel="搜索企业"
        rowsRef={tableRef}
        filters={
          <>
            <FilterSelect
              label="所在区域"
              width={200}
              loading={!lookups}
              options={lookups?.areas.map((a) => ({ value: a.id, label: a.name })) ?? []}
              value={filters.areaIds}
              onChange={(areaIds) => setFilters({ ...filters, areaIds })}
              testId="formation-area-filter"
            />
            <Select<FormationMethod>
              allowClear
              placeholder="建议组建方式"
              aria-label="建议组建方式"
              style={{ width: 150 }}
              options={optionsOf(FORMATION_METHODS)}
              showSearch={{ optionFilterProp: 'label' }}
              value={filters.method ?? undefined}
              onChange={(method) => setFilters({ ...filters, method: method ?? null })}
              data-testid="formation-method-filter"
            />
          </>
        }
        summary={
          <Typography.Text type="secondary">
            共 {total} 家{filtered ? '（已按条件筛选）' : ''}
          </Typography.Text>
        }
        testId="formation"
      />
      <div ref={tableRef} data-testid="formation-table" data-loading={settled ? 'false' : 'true'} data-total={total}>
        <KeyTable<FormationRow>
          rowTestId="formation-row"
          columns={columnsOf(list, (page - 1) * PAGE_SIZE, open)}
          dataSource={loaded?.rows ?? []}
          loading={!settled}
          onOpen={(r) => open(r.id)}
          tableLayout="fixed"
          scroll={{ x: columnsWidth(list) }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 家`,
            onChange: (p) => setPaging({ queryKey, page: p }),
          }}
          locale={{ emptyText: filtered ? '没有符合条件的企业' : empty }}
        />
      </div>
    </div>
  );
}
