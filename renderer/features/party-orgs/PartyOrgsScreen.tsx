import { Typography, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ORG_HOSTS, PARTY_ORG_TYPES, type OrgHost, type PartyOrgType } from '../../../shared/domain/labels';
import type { Lookups } from '../../../shared/domain/lookups';
import type { PartyOrgItem } from '../../../shared/domain/party';
import { call } from '../../api/client';
import { orDash } from '../../components/format';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLedgerNav } from '../ledger/navigation';
import { KeyTable } from '../../components/KeyTable';
import { FilterSelect } from '../../components/FilterSelect';
import { ListToolbar } from '../../components/ListToolbar';
import { HostText, OrgTypeTag, TermEnd } from './orgLabels';
import { PartyOrgDetail } from './PartyOrgDetail';
import { PartyOrgForm } from './PartyOrgForm';

interface Props {
  lookups: Lookups | null;
  openId: number | null;
  onOpen: (id: number | null) => void;
}

interface Filters {
  types: PartyOrgType[];
  hosts: OrgHost[];
}

interface Loaded {
  key: string;
  rows: PartyOrgItem[];
}

const optionsOf = <K extends string>(labels: Readonly<Record<K, string>>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

const HOST_OPTIONS = (Object.keys(ORG_HOSTS) as OrgHost[]).map((value) => ({
  value,
  label: value === 'enterprise' ? '企业党组织' : '属地党组织',
  title: ORG_HOSTS[value],
}));

/**
 * 党组织: every organisation of the township with what it covers and when its term ends; a row opens the
 * organisation with its enterprises, subordinates and formation steps.
 */
export function PartyOrgsScreen({ lookups, openId, onOpen }: Props) {
  const nav = useLedgerNav();
  const showError = useErrorMessage();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 200);
  const [filters, setFilters] = useState<Filters>({ types: [], hosts: [] });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [adding, setAdding] = useState(false);
  const tableRef = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([search, filters, nav.generation]);

  useEffect(() => {
    let live = true;
    call('partyOrgs:list', {
      search: search || undefined,
      types: filters.types.length > 0 ? filters.types : undefined,
      hosts: filters.hosts.length > 0 ? filters.hosts : undefined,
    }).then((rows) => live && setLoaded({ key, rows }), showError);
    return () => {
      live = false;
    };
  }, [key, search, filters, showError]);

  const rows = loaded?.rows ?? [];
  const settled = loaded?.key === key && searchText.trim() === search;
  const filtered = search !== '' || filters.types.length > 0 || filters.hosts.length > 0;

  const columns: TableColumnsType<PartyOrgItem> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string) => <span data-col="name">{name}</span>,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    { title: '类型', dataIndex: 'type', render: (t: PartyOrgType) => <OrgTypeTag type={t} />, width: 120 },
    { title: '所在', key: 'host', render: (_, o) => <HostText host={o.host} areaName={o.areaName} />, width: 140 },
    { title: '上级党组织', dataIndex: 'superiorName', render: orDash },
    { title: '书记', dataIndex: 'secretaryName', render: orDash, width: 90 },
    {
      title: '覆盖企业',
      dataIndex: 'enterprises',
      align: 'right',
      width: 90,
      render: (n: number) => <span data-col="enterprises">{n}</span>,
      sorter: (a, b) => a.enterprises - b.enterprises,
    },
    {
      title: '党员（正式/预备）',
      key: 'members',
      align: 'right',
      width: 140,
      render: (_, o) => (
        <span data-col="members">
          {o.fullMembers}/{o.probationaryMembers}
        </span>
      ),
      sorter: (a, b) => a.fullMembers + a.probationaryMembers - (b.fullMembers + b.probationaryMembers),
    },
    {
      title: '届满日期',
      dataIndex: 'termEndsOn',
      width: 190,
      render: (end: string | null) => <TermEnd end={end} />,
      sorter: (a, b) => (a.termEndsOn ?? '9999').localeCompare(b.termEndsOn ?? '9999'),
    },
  ];

  return (
    <div data-testid="party-orgs-screen">
      <ListToolbar
        search={searchText}
        onSearch={setSearchText}
        placeholder="搜索党组织名称或拼音首字母"
        searchLabel="搜索党组织"
        rowsRef={tableRef}
        filters={
          <>
            <FilterSelect
              label="党组织类型"
              width={200}
              options={optionsOf(PARTY_ORG_TYPES)}
              value={filters.types}
              onChange={(types) => setFilters({ ...filters, types })}
              testId="party-org-type-filter"
            />
            <FilterSelect
              label="党组织所在"
              options={HOST_OPTIONS}
              value={filters.hosts}
              onChange={(hosts) => setFilters({ ...filters, hosts })}
              testId="party-org-host-filter"
            />
          </>
        }
        summary={
          <Typography.Text type="secondary">
            共 {rows.length} 个{filtered ? '（已按条件筛选）' : ''}
          </Typography.Text>
        }
        addText="新增党组织"
        onAdd={() => setAdding(true)}
        readOnly={nav.readOnly}
        testId="party-org"
      />
      <div ref={tableRef} data-testid="party-org-table" data-loading={settled ? 'false' : 'true'}>
        <KeyTable<PartyOrgItem>
          rowTestId="party-org-row"
          columns={columns}
          dataSource={rows}
          loading={!loaded}
          openId={openId}
          onOpen={(o) => onOpen(o.id)}
          pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
          locale={{ emptyText: filtered ? '没有符合条件的党组织' : '还没有党组织，点“新增党组织”登记' }}
        />
      </div>
      <PartyOrgDetail id={openId} lookups={lookups} onClose={() => onOpen(null)} />
      {adding && (
        <PartyOrgForm
          orgId={null}
          lookups={lookups}
          onClose={() => setAdding(false)}
          onSaved={(id) => {
            setAdding(false);
            onOpen(id);
          }}
        />
      )}
    </div>
  );
}
