import { App, Form, Input, InputNumber, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { AREA_TYPES, type AreaType } from '../../../shared/domain/labels';
import type { AreaItem } from '../../../shared/domain/lookups';
import { areaInput } from '../../../shared/ipc/settings';
import { call } from '../../api/client';
import { schemaRule } from '../../components/schemaRule';
import { ItemModal } from './ItemModal';
import { ListToolbar, RowActions, useConfirmDelete, type ListSectionProps } from './common';

interface AreaValues {
  name: string;
  type: AreaType;
  zoneId?: number | null;
  sortOrder?: number | null;
}

const TYPE_OPTIONS = (Object.keys(AREA_TYPES) as AreaType[]).map((value) => ({ value, label: AREA_TYPES[value] }));

/** 村、社区、园区: where enterprises are. An area still holding enterprises cannot be deleted (the core refuses too). */
export function AreasSection({ lookups, readOnly, onSaved }: ListSectionProps) {
  const { message } = App.useApp();
  // null: closed; { area: null }: a new one.
  const [editing, setEditing] = useState<{ area: AreaItem | null } | null>(null);
  const confirmDelete = useConfirmDelete(onSaved);
  const zoneNames = new Map(lookups.zones.map((z) => [z.id, z.name]));
  const areas = [...lookups.areas].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);

  const columns: TableColumnsType<AreaItem> = [
    { title: '名称', dataIndex: 'name' },
    { title: '类型', dataIndex: 'type', render: (t: AreaType) => AREA_TYPES[t] },
    { title: '工作片', dataIndex: 'zoneId', render: (id: number | null) => (id === null ? '—' : zoneNames.get(id)) },
    { title: '排列顺序', dataIndex: 'sortOrder', align: 'right' },
    { title: '企业数', dataIndex: 'enterprises', align: 'right' },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) => (
        <RowActions
          readOnly={readOnly}
          onEdit={() => setEditing({ area: a })}
          deleteBlocked={a.enterprises > 0 ? `有${a.enterprises}家企业，不能删除` : undefined}
          onDelete={() => confirmDelete({ name: a.name, run: () => call('areas:delete', { id: a.id }) })}
        />
      ),
    },
  ];

  const save = async (v: AreaValues, area: AreaItem | null) => {
    await call('areas:save', {
      id: area?.id,
      name: v.name,
      type: v.type,
      zoneId: v.zoneId ?? null,
      // Left blank, a new area goes last and an edited one keeps its place.
      sortOrder: v.sortOrder ?? undefined,
    });
    void message.success(`已保存“${v.name.trim()}”`);
    setEditing(null);
    onSaved();
  };

  return (
    <>
      <ListToolbar
        hint="企业台账中的“所在区域”从这里选择。区域内还有企业时不能删除，请先把企业移到其他区域。"
        addText="新增区域"
        onAdd={() => setEditing({ area: null })}
        readOnly={readOnly}
      />
      <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={areas} />
      {editing && (
        <ItemModal<AreaValues>
          title={editing.area ? `修改“${editing.area.name}”` : '新增区域'}
          initialValues={
            editing.area
              ? {
                  name: editing.area.name,
                  type: editing.area.type,
                  zoneId: editing.area.zoneId ?? undefined,
                  sortOrder: editing.area.sortOrder,
                }
              : { type: 'village' }
          }
          onSubmit={(v) => save(v, editing.area)}
          onCancel={() => setEditing(null)}
        >
          <Form.Item required label="名称" name="name" rules={[schemaRule(areaInput, 'name')]}>
            <Input autoFocus placeholder="例如：东村、城南社区、经济开发区" />
          </Form.Item>
          <Form.Item required label="类型" name="type" rules={[schemaRule(areaInput, 'type')]}>
            <Select options={TYPE_OPTIONS} />
          </Form.Item>
          <Form.Item label="工作片" name="zoneId" rules={[schemaRule(areaInput, 'zoneId')]}>
            <Select
              allowClear
              placeholder="不属于任何工作片"
              options={lookups.zones.map((z) => ({ value: z.id, label: z.name }))}
            />
          </Form.Item>
          <Form.Item
            label="排列顺序"
            name="sortOrder"
            rules={[schemaRule(areaInput, 'sortOrder')]}
            extra="数字小的排在前面；新增时不填则排在最后"
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </ItemModal>
      )}
    </>
  );
}
