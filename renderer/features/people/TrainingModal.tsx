import { App, Form, Input, InputNumber } from 'antd';
import { localDate } from '../../../shared/domain/enterpriseRules';
import type { Training } from '../../../shared/domain/party';
import { trainingInput } from '../../../shared/ipc/people';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { schemaRule } from '../../components/schemaRule';
import { ItemModal } from '../settings/ItemModal';

interface TrainingValues {
  heldOn?: string;
  title?: string;
  organiser?: string;
  hours?: number | null;
  note?: string;
}

const rule = (field: keyof TrainingValues) => [schemaRule(trainingInput, field)];

/** 新增/修改培训记录 of one instructor. */
export function TrainingModal({
  instructorId,
  training,
  onSaved,
  onCancel,
}: {
  instructorId: number;
  /** null: a new record. */
  training: Training | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { message } = App.useApp();

  const save = async (v: TrainingValues) => {
    await call('trainings:save', {
      id: training?.id,
      instructorId,
      heldOn: v.heldOn ?? '',
      title: v.title ?? '',
      organiser: v.organiser ?? '',
      hours: v.hours ?? null,
      note: v.note ?? '',
    });
    void message.success('已保存培训记录');
    onSaved();
  };

  return (
    <ItemModal<TrainingValues>
      title={training ? '修改培训记录' : '新增培训记录'}
      testId="training-form"
      initialValues={
        training ? { ...training } : { heldOn: localDate(new Date()), title: '', organiser: '', hours: null, note: '' }
      }
      onSubmit={save}
      onCancel={onCancel}
    >
      <Form.Item required label="培训日期" name="heldOn" rules={rule('heldOn')}>
        <DateInput />
      </Form.Item>
      <Form.Item required label="培训内容" name="title" rules={rule('title')}>
        <Input autoFocus placeholder="例如：非公企业党建工作指导员业务培训" />
      </Form.Item>
      <Form.Item label="举办单位" name="organiser" rules={rule('organiser')}>
        <Input placeholder="例如：县委组织部" />
      </Form.Item>
      <Form.Item label="学时" name="hours" rules={rule('hours')}>
        <InputNumber min={0} style={{ width: '100%' }} placeholder="不详" />
      </Form.Item>
      <Form.Item label="备注" name="note" rules={rule('note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </ItemModal>
  );
}
