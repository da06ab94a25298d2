import { Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  MEMBER_LOCATIONS,
  MEMBER_STATUSES,
  type MemberLocation,
  type MemberStatus,
} from '../../../shared/domain/labels';
import type { Lookups } from '../../../shared/domain/lookups';
import type { MemberListRow } from '../../../shared/domain/party';
import { call } from '../../api/client';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { KeyTable } from '../../components/KeyTable';
import { FilterSelect } from '../../components/FilterSelect';
import { ListToolbar } from '../../components/ListToolbar';
import { MemberForm } from './MemberForm';
import { memberColumns, optionsOf } from './memberParts';
import { useMemberActions } from './useMemberActions';

const PAGE_SIZE = 50;

interface Props {
  lookups: Lookups | null;
  openId: number | null;
  onOpen: (id: number | null) => void;
}

interface Filters {
  statuses: MemberStatus[];
  locations: MemberLocation[];
}

interface Loaded {
  key: string;
  total: number;
  rows: MemberListRow[];
}

/**
 * 党员名册 of the whole township: every member kept on an enterprise's roster, searchable by name, pinyin initials
 * or enterprise; a row opens the member's form. 身份证号 and phone show masked here.
 */
export function MembersScreen({ openId, onOpen }: Props) {
  const nav = useLedgerNav();
  const showError = useErrorMessage();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 200);
  const [filters, setFilters] = useState<Filters>({ statuses: [], locations: [] });
  const queryKey = JSON.stringify([search, filters]);
  // The page belongs to the query it was chosen for: a new search starts at the first page.
  const [paging, setPaging] = useState({ queryKey, page: 1 });
  const page = paging.queryKey === queryKey ? paging.page : 1;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [adding, setAdding] = useState(false);
  const tableRef = useRef<HTMLDivElement>(null);
  const actions = useMemberActions((m) => m.id === openId && onOpen(null));
  const key = JSON.stringify([queryKey, page, nav.generation]);

  useEffect(() => {
    let live = true;
    call('members:list', {
      query: {
        search: search || undefined,
        statuses: filters.statuses.length > 0 ? filters.statuses : undefined,
        locations: filters.locations.length > 0 ? filters.locations : undefined,
      },
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }).then((p) => live && setLoaded({ key, total: p.total, rows: p.rows }), showError);
    return () => {
      live = false;
    };
  }, [key, search, filters, page, showError]);

  const columns = memberColumns(actions, { enterprise: { onOpen: (id) => nav.open({ kind: 'enterprise', id }) } });
  const settled = loaded?.key === key && searchText.trim() === search;
  const filtered = search !== '' || filters.statuses.length > 0 || filters.locations.length > 0;
  const total = loaded?.total ?? 0;

  return (
    <div data-testid="members-screen">
      <ListToolbar
        search={searchText}
        onSearch={setSearchText}
        placeholder="搜索姓名、拼音首字母或所在企业"
        searchLabel="搜索党员"
        rowsRef={tableRef}
        filters={
          <>
            <FilterSelect
              label="党员类别"
              options={optionsOf(MEMBER_STATUSES)}
              value={filters.statuses}
              onChange={(statuses) => setFilters({ ...filters, statuses })}
              testId="member-status-filter"
            />
            <FilterSelect
              label="组织关系所在"
              width={200}
              options={optionsOf(MEMBER_LOCATIONS)}
              value={filters.locations}
              onChange={(locations) => setFilters({ ...filters, locations })}
              testId="member-location-filter"
            />
          </>
        }
        summary={
          <Typography.Text type="secondary">
            共 {total} 名{filtered ? '（已按条件筛选）' : ''}
          </Typography.Text>
        }
        addText="新增党员"
        onAdd={() => setAdding(true)}
        readOnly={nav.readOnly}
        testId="member"
      />
      <div ref={tableRef} data-testid="member-table" data-loading={settled ? 'false' : 'true'} data-total={total}>
        <KeyTable<MemberListRow>
          rowTestId="member-row"
          columns={columns}
          dataSource={loaded?.rows ?? []}
          loading={!settled}
          openId={openId}
          onOpen={(m) => onOpen(m.id)}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 名`,
            onChange: (p) => setPaging({ queryKey, page: p }),
          }}
          locale={{
            emptyText: filtered ? '没有符合条件的党员' : '还没有党员名册：在企业详情的“党员名册”中添加，或点“新增党员”',
          }}
        />
      </div>
      {openId !== null && (
        <MemberForm key={openId} memberId={openId} onClose={() => onOpen(null)} onSaved={() => onOpen(null)} />
      )}
      {adding && <MemberForm memberId={null} onClose={() => setAdding(false)} onSaved={() => setAdding(false)} />}
      {actions.dialogs}
    </div>
  );
}
