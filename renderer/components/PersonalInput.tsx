import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, type FormRule } from 'antd';
import { useState, type FocusEventHandler } from 'react';
import type { z } from 'zod';
import { isMasked } from '../../shared/domain/masking';
import type { PersonalEntity, PersonalField } from '../../shared/ipc/personal';
import { RevealButton, revealPersonal } from './PersonalValue';
import { schemaRule } from './schemaRule';
import { useErrorMessage } from './useErrorMessage';

interface Props {
  entity: PersonalEntity;
  /** null: a new record, which has nothing stored to mask. */
  recordId: number | null;
  field: PersonalField;
  /** From Form.Item: the masked value the core sent, or what the clerk typed. */
  value?: string | null;
  onChange?: (value: string) => void;
  /** From Form.Item, so the label focuses the box. */
  id?: string;
  /** From Form.Item, for fields checked as the cursor leaves them (validateTrigger="onBlur"). */
  onBlur?: FocusEventHandler<HTMLInputElement>;
  placeholder?: string;
  monospace?: boolean;
  /** `${testId}` on the box; `-reveal`, `-change` and `-restore` on its actions. */
  testId: string;
  /** After a reveal, so a 变更记录 shown nearby reads the new entry. */
  onRevealed?: () => void;
}

/**
 * An edit-form box for a 身份证号 or phone number. A stored value comes masked and stays masked unless the clerk
 * asks: 显示 reveals it (recorded in the 变更记录) and lets it be corrected; 修改 empties the box for a new value
 * without revealing the old one, and 恢复 takes that back. Left masked, the masked value goes back in the update,
 * which the core reads as "unchanged".
 */
export function PersonalInput(props: Props) {
  const { entity, recordId, field, value, onChange, id, onBlur, placeholder, monospace, testId, onRevealed } = props;
  const showError = useErrorMessage();
  const [loading, setLoading] = useState(false);
  // The placeholder, kept so 恢复 can put it back after 修改.
  const [stored, setStored] = useState<string | null>(null);
  // Set by 显示 or 修改: the box that replaces the masked one takes the cursor.
  const [opened, setOpened] = useState(false);
  // What 显示 gave, for the masked value it was asked for. Only the box shows it: the form keeps the masked value,
  // which the core reads as "unchanged", so a reveal is no edit to any form until the clerk types.
  const [revealed, setRevealed] = useState<{ masked: string; full: string } | null>(null);
  const text = value ?? '';
  const masked = recordId !== null && isMasked(text);
  const shownFull = revealed !== null && revealed.masked === text ? revealed.full : null;
  const style = monospace ? { fontFamily: 'monospace' } : undefined;

  // Kept during render (React's pattern for state that follows a prop), so 恢复 is there at the first empty render.
  if (masked && stored !== text) setStored(text);

  const emit = (next: string) => onChange?.(next);

  if (masked && shownFull === null) {
    const reveal = () => {
      setLoading(true);
      revealPersonal(entity, recordId, field)
        .then((full) => {
          setRevealed({ masked: text, full });
          setOpened(true);
          onRevealed?.();
        }, showError)
        .finally(() => setLoading(false));
    };
    return (
      <Flex key="masked" gap={4} align="center">
        <Input id={id} value={text} readOnly onBlur={onBlur} style={style} data-testid={testId} data-masked="true" />
        <RevealButton onClick={reveal} loading={loading} testId={`${testId}-reveal`} />
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => {
            emit('');
            setOpened(true);
          }}
          data-testid={`${testId}-change`}
        >
          修改
        </Button>
      </Flex>
    );
  }

  const restorable = recordId !== null && stored !== null && text === '';
  return (
    <Flex key="open" gap={4} align="center">
      <Input
        id={id}
        autoFocus={opened}
        value={shownFull ?? text}
        // No real number has a *, and a typed one would read as "unchanged" to the core: it never gets in.
        onChange={(e) => emit(e.target.value.replace(/\*/g, ''))}
        onBlur={onBlur}
        placeholder={placeholder}
        autoComplete="off"
        style={style}
        data-testid={testId}
      />
      {restorable && (
        <Button
          type="link"
          size="small"
          icon={<UndoOutlined />}
          onClick={() => onChange?.(stored)}
          data-testid={`${testId}-restore`}
        >
          恢复
        </Button>
      )}
    </Flex>
  );
}

/**
 * A field's rule for a PersonalInput: a masked value is the core's placeholder (the box never lets the clerk type a
 * *), not the clerk's typing, so the field's own `rule` is not applied to it; anything typed is checked.
 */
export function personalRule(rule: FormRule): FormRule {
  return {
    validator: async (formRule, value: unknown) => {
      if (typeof value === 'string' && isMasked(value)) return;
      if (typeof rule !== 'function' && rule.validator) await rule.validator(formRule, value, () => undefined);
    },
  };
}

/**
 * A form row for a phone number (or other personal field) checked by the record's own schema: the Form.Item with its
 * rule wrapped by personalRule, checked as the cursor leaves, around a PersonalInput.
 */
export function PersonalFormItem<Shape extends Record<string, z.ZodType>>({
  label,
  schema,
  placeholder = '手机或固定电话',
  ...input
}: Omit<Props, 'value' | 'onChange' | 'id' | 'onBlur'> & { label: string; schema: { shape: Shape } }) {
  return (
    <Form.Item
      label={label}
      name={input.field}
      rules={[personalRule(schemaRule(schema, input.field))]}
      validateTrigger="onBlur"
    >
      <PersonalInput placeholder={placeholder} {...input} />
    </Form.Item>
  );
}
