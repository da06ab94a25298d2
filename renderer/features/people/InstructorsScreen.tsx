import { Select, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { INSTRUCTOR_SOURCES, type InstructorSource } from '../../../shared/domain/labels';
import type { InstructorItem } from '../../../shared/domain/lookups';
import { call } from '../../api/client';
import { orDash } from '../../components/format';
import { useLedgerNav } from '../ledger/navigation';
import { useConfirmDelete } from '../settings/common';
import { matchesText, nameColumn, PeopleTable, rowActionsColumn, type PeopleScreenProps } from './common';
import { InstructorDetail } from './InstructorDetail';
import { InstructorForm, SOURCE_OPTIONS } from './InstructorForm';
import { ListToolbar } from '../../components/ListToolbar';

type Mode = 'one' | 'many' | 'none';
const MODES: Record<Mode, string> = { one: '一人一企', many: '一人多企', none: '未派驻' };
const modeOf = (i: InstructorItem): Mode => (i.enterprises === 0 ? 'none' : i.enterprises === 1 ? 'one' : 'many');

export function ModeTag({ enterprises }: { enterprises: number }) {
  const mode = enterprises === 0 ? 'none' : enterprises === 1 ? 'one' : 'many';
  return <Tag color={mode === 'none' ? 'default' : mode === 'one' ? 'blue' : 'purple'}>{MODES[mode]}</Tag>;
}

interface Filters {
  fullTime?: boolean;
  source?: InstructorSource;
  mode?: Mode;
}

/**
 * 党建工作指导员: who they are, how many enterprises each covers now (一人一企 or 一人多企) and their training;
 * a name opens the instructor's page with every enterprise they cover and the last visit at each.
 */
export function InstructorsScreen({ lookups, openId, onOpen }: PeopleScreenProps) {
  const nav = useLedgerNav();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [editing, setEditing] = useState<{ instructor: InstructorItem | null } | null>(null);
  const confirmDelete = useConfirmDelete(nav.changed);

  const rows = useMemo(
    () =>
      (lookups?.instructors ?? []).filter(
        (i) =>
          // The phone is masked here, so a search finds it by the digits shown (the last four).
          matchesText(search, i.name, i.nameInitials, i.position, i.phone) &&
          (filters.fullTime === undefined || i.fullTime === filters.fullTime) &&
          (filters.source === undefined || i.source === filters.source) &&
          (filters.mode === undefined || modeOf(i) === filters.mode),
      ),
    [lookups, search, filters],
  );

  const remove = (i: InstructorItem) =>
    confirmDelete({
      name: i.name,
      consequence:
        (i.enterprises > 0 ? `由其指导的${i.enterprises}家企业将不再有党建工作指导员，派驻记录一并删除。` : '') +
        (i.trainings > 0 ? `其${i.trainings}条培训记录一并删除。` : ''),
      run: async () => {
        await call('instructors:delete', { id: i.id });
        if (openId === i.id) onOpen(null);
      },
    });

  const columns: TableColumnsType<InstructorItem> = [
    nameColumn('姓名', 'instructor', onOpen),
    { title: '单位职务', dataIndex: 'position', render: orDash },
    { title: '电话', dataIndex: 'phone', render: orDash },
    { title: '专职/兼职', dataIndex: 'fullTime', render: (b: boolean) => (b ? '专职' : '兼职') },
    { title: '来源', dataIndex: 'source', render: (s: InstructorSource) => INSTRUCTOR_SOURCES[s] },
    { title: '派驻日期', dataIndex: 'appointedOn', render: orDash },
    {
      title: '联系企业数',
      dataIndex: 'enterprises',
      align: 'right',
      render: (n: number) => <span data-col="enterprises">{n}</span>,
    },
    { title: '派驻方式', key: 'mode', render: (_, i) => <ModeTag enterprises={i.enterprises} /> },
    { title: '培训次数', dataIndex: 'trainings', align: 'right' },
    rowActionsColumn(nav.readOnly, (i) => setEditing({ instructor: i }), remove),
  ];

  return (
    <div data-testid="instructors-screen">
      <ListToolbar
        testId="instructor"
        search={search}
        onSearch={setSearch}
        placeholder="搜索姓名、拼音首字母、单位职务或电话后四位"
        addText="新增指导员"
        onAdd={() => setEditing({ instructor: null })}
        readOnly={nav.readOnly}
        filters={
          <>
            <Select
              allowClear
              placeholder="专职/兼职"
              aria-label="专职/兼职"
              style={{ width: 120 }}
              value={filters.fullTime === undefined ? undefined : filters.fullTime ? 'full' : 'part'}
              onChange={(v?: string) =>
                setFilters({ ...filters, fullTime: v === undefined ? undefined : v === 'full' })
              }
              options={[
                { value: 'full', label: '专职' },
                { value: 'part', label: '兼职' },
              ]}
            />
            <Select
              allowClear
              placeholder="来源"
              aria-label="来源"
              style={{ width: 150 }}
              value={filters.source}
              onChange={(source?: InstructorSource) => setFilters({ ...filters, source })}
              options={SOURCE_OPTIONS}
            />
            <Select
              allowClear
              placeholder="派驻方式"
              aria-label="派驻方式"
              style={{ width: 130 }}
              value={filters.mode}
              onChange={(mode?: Mode) => setFilters({ ...filters, mode })}
              options={(Object.keys(MODES) as Mode[]).map((value) => ({ value, label: MODES[value] }))}
            />
          </>
        }
      />
      <PeopleTable testId="instructor" rows={rows} columns={columns} loading={!lookups} onOpen={onOpen} />
      {editing && (
        <InstructorForm
          instructor={editing.instructor}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            nav.changed();
            // A new instructor opens at once: the next thing is to send them to an enterprise.
            if (!editing.instructor) onOpen(saved.id);
          }}
        />
      )}
      <InstructorDetail
        id={openId}
        onClose={() => onOpen(null)}
        onEdit={(i) => setEditing({ instructor: i })}
        onDelete={remove}
      />
    </div>
  );
}
