import { App, Form, Input, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { WorkGroupItem } from '../../../shared/domain/lookups';
import { workGroupInput } from '../../../shared/ipc/settings';
import { call } from '../../api/client';
import { orDash } from '../../components/format';
import { schemaRule } from '../../components/schemaRule';
import { useLedgerNav } from '../ledger/navigation';
import { useConfirmDelete } from '../settings/common';
import { ItemModal } from '../settings/ItemModal';
import { matchesText, nameColumn, PeopleTable, rowActionsColumn, type PeopleScreenProps } from './common';
import { WorkGroupDetail } from './WorkGroupDetail';
import { ListToolbar } from '../../components/ListToolbar';

interface WorkGroupValues {
  name: string;
  leaderName?: string;
}

/**
 * 推进组: each enterprise belongs to at most one (chosen in the enterprise form or in bulk); a group's page shows its
 * 组长, members and enterprises. Deleting a group leaves its enterprises 未分组.
 */
export function WorkGroupsScreen({ lookups, openId, onOpen }: PeopleScreenProps) {
  const nav = useLedgerNav();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ group: WorkGroupItem | null } | null>(null);
  const confirmDelete = useConfirmDelete(nav.changed);

  const rows = useMemo(
    () => (lookups?.workGroups ?? []).filter((g) => matchesText(search, g.name, g.nameInitials, g.leaderName)),
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
    nameColumn('名称', 'work-group', onOpen),
    { title: '组长', dataIndex: 'leaderName', render: orDash },
    { title: '企业数', dataIndex: 'enterprises', align: 'right' },
    rowActionsColumn(nav.readOnly, (g) => setEditing({ group: g }), remove),
  ];

  return (
    <div data-testid="work-groups-screen">
      <ListToolbar
        testId="work-group"
        search={search}
        onSearch={setSearch}
        placeholder="搜索推进组名称、拼音首字母或组长"
        addText="新增推进组"
        onAdd={() => setEditing({ group: null })}
        readOnly={nav.readOnly}
      />
      <PeopleTable testId="work-group" rows={rows} columns={columns} loading={!lookups} onOpen={onOpen} />
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
