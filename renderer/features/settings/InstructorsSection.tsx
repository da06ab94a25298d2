import { App, Form, Input, Radio, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { INSTRUCTOR_SOURCES, type InstructorSource } from '../../../shared/domain/labels';
import type { InstructorItem } from '../../../shared/domain/lookups';
import { instructorInput } from '../../../shared/ipc/settings';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { orDash } from '../../components/format';
import { schemaRule } from '../../components/schemaRule';
import { ItemModal } from './ItemModal';
import { ListToolbar, RowActions, useConfirmDelete, type ListSectionProps } from './common';

interface InstructorValues {
  name: string;
  position?: string;
  phone?: string;
  fullTime: boolean;
  source: InstructorSource;
  appointedOn?: string | null;
}

const SOURCE_OPTIONS = (Object.keys(INSTRUCTOR_SOURCES) as InstructorSource[]).map((value) => ({
  value,
  label: INSTRUCTOR_SOURCES[value],
}));

const rule = (field: keyof InstructorValues) => [schemaRule(instructorInput, field)];

/** 党建工作指导员: deleting one leaves the enterprises they guided without an instructor. */
export function InstructorsSection({ lookups, readOnly, onSaved }: ListSectionProps) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ instructor: InstructorItem | null } | null>(null);
  const confirmDelete = useConfirmDelete(onSaved);

  const columns: TableColumnsType<InstructorItem> = [
    { title: '姓名', dataIndex: 'name' },
    { title: '单位职务', dataIndex: 'position', render: orDash },
    { title: '电话', dataIndex: 'phone', render: orDash },
    { title: '专职/兼职', dataIndex: 'fullTime', render: (b: boolean) => (b ? '专职' : '兼职') },
    { title: '来源', dataIndex: 'source', render: (s: InstructorSource) => INSTRUCTOR_SOURCES[s] },
    { title: '派驻日期', dataIndex: 'appointedOn', render: orDash },
    { title: '指导企业数', dataIndex: 'enterprises', align: 'right' },
    {
      title: '操作',
      key: 'actions',
      render: (_, i) => (
        <RowActions
          readOnly={readOnly}
          onEdit={() => setEditing({ instructor: i })}
          onDelete={() =>
            confirmDelete({
              name: i.name,
              consequence: i.enterprises > 0 ? `由其指导的${i.enterprises}家企业将不再有党建工作指导员。` : '',
              run: () => call('instructors:delete', { id: i.id }),
            })
          }
        />
      ),
    },
  ];

  const save = async (v: InstructorValues, instructor: InstructorItem | null) => {
    await call('instructors:save', {
      id: instructor?.id,
      name: v.name,
      position: v.position ?? '',
      phone: v.phone ?? '',
      fullTime: v.fullTime,
      source: v.source,
      appointedOn: v.appointedOn ?? null,
    });
    void message.success(`已保存“${v.name.trim()}”`);
    setEditing(null);
    onSaved();
  };

  const current = editing?.instructor;
  return (
    <>
      <ListToolbar
        hint="指导员由乡镇选派到企业，指导党组织组建和工作；在企业信息中选择其指导员。"
        addText="新增指导员"
        onAdd={() => setEditing({ instructor: null })}
        readOnly={readOnly}
      />
      <Table rowKey="id" size="small" pagination={false} columns={columns} dataSource={lookups.instructors} />
      {editing && (
        <ItemModal<InstructorValues>
          title={current ? `修改“${current.name}”` : '新增党建工作指导员'}
          initialValues={
            current
              ? {
                  name: current.name,
                  position: current.position,
                  phone: current.phone,
                  fullTime: current.fullTime,
                  source: current.source,
                  appointedOn: current.appointedOn,
                }
              : { name: '', position: '', phone: '', fullTime: false, source: 'government-cadre' }
          }
          onSubmit={(v) => save(v, editing.instructor)}
          onCancel={() => setEditing(null)}
        >
          <Form.Item required label="姓名" name="name" rules={rule('name')}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item label="单位职务" name="position" rules={rule('position')}>
            <Input placeholder="例如：镇组织办副主任" />
          </Form.Item>
          <Form.Item label="电话" name="phone" rules={rule('phone')} validateTrigger="onBlur">
            <Input placeholder="手机或固定电话" />
          </Form.Item>
          <Form.Item label="专职/兼职" name="fullTime" rules={rule('fullTime')}>
            <Radio.Group
              options={[
                { value: true, label: '专职' },
                { value: false, label: '兼职' },
              ]}
            />
          </Form.Item>
          <Form.Item required label="来源" name="source" rules={rule('source')}>
            <Select options={SOURCE_OPTIONS} />
          </Form.Item>
          <Form.Item label="派驻日期" name="appointedOn" rules={rule('appointedOn')}>
            <DateInput />
          </Form.Item>
        </ItemModal>
      )}
    </>
  );
}
