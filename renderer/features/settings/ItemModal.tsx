import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';

interface ItemModalProps<V> {
  title: string;
  initialValues: Partial<V>;
  /** Saves through the core; a field error it throws is shown beside that field. */
  onSubmit: (values: V) => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
  /** The form's data-testid. */
  testId?: string;
  /** For a dialog whose rules read other fields of the form. */
  form?: FormInstance<V>;
}

/**
 * The small dialog that adds or edits one entry of a list (a settings list, a person, a training record). Mounted
 * per use, so it always starts from `initialValues`; Enter in a box saves, as in any dialog.
 */
export function ItemModal<V extends object>({
  title,
  initialValues,
  onSubmit,
  onCancel,
  children,
  testId = 'settings-item-form',
  form: given,
}: ItemModalProps<V>) {
  const [form] = Form.useForm<V>(given);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: V) => {
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit(values);
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      if (field && form.getFieldsError().some((f) => f.name[0] === field)) {
        form.setFields([{ name: field as never, errors: [(e as ApiError).message] }]);
      } else setProblem(e instanceof ApiError ? e.message : '保存失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
    const target = e.target;
    if (!(target instanceof HTMLInputElement) || target.closest('.ant-select')) return;
    e.preventDefault();
    form.submit();
  };

  return (
    <Modal
      open
      title={title}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      mask={{ closable: false }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        {children}
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
