import { App, Form, Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { WorkGroupItem } from '../../../shared/domain/lookups';
import { workGroupInput } from '../../../shared/ipc/settings';
import { call } from '../../api/client';
import { schemaRule } from '../../components/schemaRule';
import { ItemModal } from './ItemModal';
import { ListToolbar, RowActions, useConfirmDelete, type ListSectionProps } from './common';

interface WorkGroupValues {
  name: string;
  leaderName?: string;
}

/** 推进组: each enterprise belongs to at most one; deleting a group leaves its enterprises 未分组. */
export function WorkGroupsSection({ lookups, readOnly, onSaved }: ListSectionProps) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ group: WorkGroupItem | null } | null>(null);
  const confirmDelete = useConfirmDelete(onSaved);

  const columns: TableColumnsType<WorkGroupItem> = [
    { title: '名称', dataIndex: 'name' },
    { title: '组长', dataIndex: 'leaderName', render: (s: string) => s || '—' },
    { title: '企业数', dataIndex: 'enterprises', align: 'right' },
    {
      title: '操作',
      key: 'actions',
      render: (_, g) => (
        <RowActions
          readOnly={readOnly}
          onEdit={() => setEditing({ group: g })}
          onDelete={() =>
            confirmDelete({
              name: g.name,
              consequence: g.enterprises > 0 ? `该组负责的${g.enterprises}家企业将变为“未分组”。` : '',
              run: () => call('workGroups:delete', { id: g.id }),
            })
          }
        />
      ),
    },
  ];

  const save = async (v: WorkGroupValues, group: WorkGroupItem | null) => {
    await call('workGroups:save', { id: group?.id, name: v.name, leaderName: v.leaderName ?? '' });
    void message.success(`已保存“${v.name.trim()}”`);
    setEditing(null);
    onSaved();
  };

  return (
    <>
      <ListToolbar
        hint="推进组负责联系企业、提出组建方案；在企业信息中选择所属推进组。"
        addText="新增推进组"
        onAdd={() => setEditing({ group: null })}
        readOnly={readOnly}
      />
      <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={lookups.workGroups} />
      {editing && (
        <ItemModal<WorkGroupValues>
          title={editing.group ? `修改“${editing.group.name}”` : '新增推进组'}
          initialValues={{ name: editing.group?.name ?? '', leaderName: editing.group?.leaderName ?? '' }}
          onSubmit={(v) => save(v, editing.group)}
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
    </>
  );
}
