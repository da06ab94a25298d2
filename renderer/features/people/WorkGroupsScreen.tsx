import { App, Form, Input, Table, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import type { Lookups, WorkGroupItem } from '../../../shared/domain/lookups';
import { workGroupInput } from '../../../shared/ipc/settings';
import { call } from '../../api/client';
import { orDash } from '../../components/format';
import { schemaRule } from '../../components/schemaRule';
import { useLedgerNav } from '../ledger/navigation';
import { RowActions, useConfirmDelete } from '../settings/common';
import { ItemModal } from '../settings/ItemModal';
import { matchesText, OpenLink, PeopleToolbar } from './common';
import { WorkGroupDetail } from './WorkGroupDetail';

interface WorkGroupValues {
  name: string;
  leaderName?: string;
}

/**
 * 推进组: each enterprise belongs to at most one (chosen in the enterprise form or in bulk); a group's page shows its
 * 组长, members and enterprises. Deleting a group leaves its enterprises 未分组.
 */
export function WorkGroupsScreen({
  lookups,
  openId,
  onOpen,
}: {
  lookups: Lookups | null;
  openId: number | null;
  onOpen: (id: number | null) => void;
}) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ group: WorkGroupItem | null } | null>(null);
  const confirmDelete = useConfirmDelete(nav.changed);

  const rows = useMemo(
    () => (lookups?.workGroups ?? []).filter((g) => matchesText(search, g.name, g.leaderName)),
    [lookups, search],
  );

  const remove = (g: WorkGroupItem) =>
    confirmDelete({
      name: g.name,
      consequence: g.enterprises > 0 ? `该组负责的${g.enterprises}家企业将变为“未分组”，组员一并删除。` : '',
      run: async () => {
        await call('workGroups:delete', { id: g.id });
        if (openId === g.id) onOpen(null);
      },
    });

  const save = async (v: WorkGroupValues) => {
    const saved = await call('workGroups:save', {
      id: editing?.group?.id,
      name: v.name,
      leaderName: v.leaderName ?? '',
    });
    void message.success(`已保存“${saved.name}”`);
    setEditing(null);
    nav.changed();
  };

  const columns: TableColumnsType<WorkGroupItem> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string, g) => (
        <OpenLink onOpen={() => onOpen(g.id)} testId="work-group-open">
          {name}
        </OpenLink>
      ),
    },
    { title: '组长', dataIndex: 'leaderName', render: orDash },
    { title: '企业数', dataIndex: 'enterprises', align: 'right' },
    {
      title: '操作',
      key: 'actions',
      render: (_, g) => (
        <span onClick={(e) => e.stopPropagation()}>
          <RowActions readOnly={nav.readOnly} onEdit={() => setEditing({ group: g })} onDelete={() => remove(g)} />
        </span>
      ),
    },
  ];

  return (
    <div data-testid="work-groups-screen">
      <PeopleToolbar
        testId="work-group"
        search={search}
        onSearch={setSearch}
        placeholder="搜索推进组名称、组长"
        addText="新增推进组"
        onAdd={() => setEditing({ group: null })}
        readOnly={nav.readOnly}
      />
      <Table
        rowKey="id"
        size="small"
        loading={!lookups}
        pagination={false}
        columns={columns}
        dataSource={rows}
        data-testid="work-group-table"
        onRow={(g) =>
          ({
            onClick: () => onOpen(g.id),
            style: { cursor: 'pointer' },
            'data-testid': 'work-group-row',
            'data-id': g.id,
          }) as HTMLAttributes<HTMLElement>
        }
      />
      {editing && (
        <ItemModal<WorkGroupValues>
          title={editing.group ? `修改“${editing.group.name}”` : '新增推进组'}
          testId="work-group-form"
          initialValues={{ name: editing.group?.name ?? '', leaderName: editing.group?.leaderName ?? '' }}
          onSubmit={save}
          onCancel={() => setEditing(null)}
        >
          <Form.Item required label="名称" name="name" rules={[schemaRule(workGroupInput, 'name')]}>
            <Input autoFocus placeholder="例如：新经济组织推进组" />
          </Form.Item>
          <Form.Item label="组长" name="leaderName" rules={[schemaRule(workGroupInput, 'leaderName')]}>
            <Input />
          </Form.Item>
        </ItemModal>
      )}
      <WorkGroupDetail
        id={openId}
        onClose={() => onOpen(null)}
        onEdit={(g) => setEditing({ group: g })}
        onDelete={remove}
      />
    </div>
  );
}
