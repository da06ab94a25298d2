import { App, Form, Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ZoneItem } from '../../../shared/domain/lookups';
import { zoneInput } from '../../../shared/ipc/settings';
import { call } from '../../api/client';
import { schemaRule } from '../../components/schemaRule';
import { ItemModal } from './ItemModal';
import { ListToolbar, RowActions, useConfirmDelete, type ListSectionProps } from './common';

/** 工作片: groups of areas for breakdowns. Deleting one leaves its areas in place, outside any 工作片. */
export function ZonesSection({ lookups, readOnly, onSaved }: ListSectionProps) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ zone: ZoneItem | null } | null>(null);
  const confirmDelete = useConfirmDelete(onSaved);

  const columns: TableColumnsType<ZoneItem> = [
    { title: '名称', dataIndex: 'name' },
    { title: '区域数', dataIndex: 'areas', align: 'right' },
    {
      title: '操作',
      key: 'actions',
      render: (_, z) => (
        <RowActions
          readOnly={readOnly}
          onEdit={() => setEditing({ zone: z })}
          onDelete={() =>
            confirmDelete({
              name: z.name,
              consequence:
                z.areas > 0 ? `其下${z.areas}个区域将不再属于任何工作片，区域本身和其中的企业不受影响。` : '',
              run: () => call('zones:delete', { id: z.id }),
            })
          }
        />
      ),
    },
  ];

  const save = async (v: { name: string }, zone: ZoneItem | null) => {
    await call('zones:save', { id: zone?.id, name: v.name });
    void message.success(`已保存“${v.name.trim()}”`);
    setEditing(null);
    onSaved();
  };

  return (
    <>
      <ListToolbar
        hint="把村、社区、园区分片管理；在“村、社区、园区”中为每个区域选择所属工作片。"
        addText="新增工作片"
        onAdd={() => setEditing({ zone: null })}
        readOnly={readOnly}
      />
      <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={lookups.zones} />
      {editing && (
        <ItemModal<{ name: string }>
          title={editing.zone ? `重命名“${editing.zone.name}”` : '新增工作片'}
          initialValues={{ name: editing.zone?.name ?? '' }}
          onSubmit={(v) => save(v, editing.zone)}
          onCancel={() => setEditing(null)}
        >
          <Form.Item required label="名称" name="name" rules={[schemaRule(zoneInput, 'name')]}>
            <Input autoFocus placeholder="例如：东片、城区片" />
          </Form.Item>
        </ItemModal>
      )}
    </>
  );
}
