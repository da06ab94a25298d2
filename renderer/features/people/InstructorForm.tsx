import { App, Form, Input, Radio, Select } from 'antd';
import { INSTRUCTOR_SOURCES, type InstructorSource } from '../../../shared/domain/labels';
import type { InstructorItem } from '../../../shared/domain/lookups';
import { instructorInput } from '../../../shared/ipc/settings';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { PersonalFormItem } from '../../components/PersonalInput';
import { schemaRule } from '../../components/schemaRule';
import { ItemModal } from '../settings/ItemModal';

interface InstructorValues {
  name: string;
  position?: string;
  phone?: string;
  fullTime: boolean;
  source: InstructorSource;
  appointedOn?: string | null;
}

export const SOURCE_OPTIONS = (Object.keys(INSTRUCTOR_SOURCES) as InstructorSource[]).map((value) => ({
  value,
  label: INSTRUCTOR_SOURCES[value],
}));

const rule = (field: keyof InstructorValues) => [schemaRule(instructorInput, field)];

/** 新增/修改党建工作指导员: the person; where they are sent is recorded as assignments on their page. */
export function InstructorForm({
  instructor,
  onSaved,
  onCancel,
}: {
  /** null: a new instructor. */
  instructor: InstructorItem | null;
  onSaved: (saved: InstructorItem) => void;
  onCancel: () => void;
}) {
  const { message } = App.useApp();

  const save = async (v: InstructorValues) => {
    const saved = await call('instructors:save', {
      id: instructor?.id,
      name: v.name,
      position: v.position ?? '',
      phone: v.phone ?? '',
      fullTime: v.fullTime,
      source: v.source,
      appointedOn: v.appointedOn ?? null,
    });
    void message.success(`已保存“${saved.name}”`);
    onSaved(saved);
  };

  return (
    <ItemModal<InstructorValues>
      title={instructor ? `修改“${instructor.name}”` : '新增党建工作指导员'}
      testId="instructor-form"
      initialValues={
        instructor
          ? {
              name: instructor.name,
              position: instructor.position,
              phone: instructor.phone,
              fullTime: instructor.fullTime,
              source: instructor.source,
              appointedOn: instructor.appointedOn,
            }
          : { name: '', position: '', phone: '', fullTime: false, source: 'government-cadre' }
      }
      onSubmit={save}
      onCancel={onCancel}
    >
      <Form.Item required label="姓名" name="name" rules={rule('name')}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item label="单位职务" name="position" rules={rule('position')}>
        <Input placeholder="例如：镇组织办副主任" />
      </Form.Item>
      <PersonalFormItem
        label="电话"
        schema={instructorInput}
        entity="instructor"
        recordId={instructor?.id ?? null}
        field="phone"
        testId="instructor-phone"
      />
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
  );
}
