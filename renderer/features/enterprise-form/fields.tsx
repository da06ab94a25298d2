import { Checkbox, Col, Form, InputNumber, Row, Select, Typography, type FormItemProps } from 'antd';
import type { ReactNode } from 'react';
import { ENTERPRISE_FIELD_LABELS } from '../../../shared/domain/enterpriseInput';
import { fieldHelp, FIELD_HELP, type FieldHelpId } from '../../../shared/domain/fieldHelp';
import type { LabelMap } from '../../../shared/domain/labels';
import { DateInput } from '../../components/DateInput';
import { HelpTip } from '../help/HelpTip';
import { dependenciesOf, rulesFor, type FieldName } from './formModel';

/** The building blocks of the enterprise form: every field is labelled and checked the same way. */

export function Section({ title, help, children }: { title: string; help?: FieldHelpId; children: ReactNode }) {
  return (
    <section>
      <Typography.Title level={5} style={{ margin: '4px 0 12px', paddingLeft: 8, borderLeft: '3px solid #b71c1c' }}>
        {title}
        {help && <HelpTip text={FIELD_HELP[help]} testId={`help-tip-${help}`} />}
      </Typography.Title>
      <Row gutter={16}>{children}</Row>
    </section>
  );
}

interface FieldProps extends Omit<FormItemProps, 'name' | 'children'> {
  name: FieldName;
  /** Grid columns out of 24. */
  span?: number;
  children: ReactNode;
}

export function Field({ name, span = 8, label, tooltip, children, ...item }: FieldProps) {
  return (
    <Col span={span}>
      <Form.Item
        name={name}
        label={label ?? ENTERPRISE_FIELD_LABELS[name]}
        // A field whose meaning is not obvious carries its definition (shared/domain/fieldHelp.ts).
        tooltip={tooltip ?? fieldHelp(name)}
        rules={rulesFor(name)}
        dependencies={dependenciesOf(name)}
        {...item}
      >
        {children}
      </Form.Item>
    </Col>
  );
}

export function optionsOf<K extends string>(labels: LabelMap<K>) {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export function ChoiceField<K extends string>({
  name,
  labels,
  optional = false,
  span,
}: {
  name: FieldName;
  labels: LabelMap<K>;
  /** Optional choices can be cleared back to blank; the others always hold one of their values. */
  optional?: boolean;
  span?: number;
}) {
  return (
    <Field name={name} span={span}>
      <Select options={optionsOf(labels)} allowClear={optional} placeholder={optional ? '未填' : undefined} />
    </Field>
  );
}

interface NumberFieldProps {
  name: FieldName;
  unit?: string;
  span?: number;
  label?: string;
  /** What a blank box means: 不详 for most figures, 0 for the member counts. */
  placeholder?: string;
  /** Shown but not typed: the value comes from elsewhere (a kept roster), and Enter passes over it. */
  disabled?: boolean;
  extra?: ReactNode;
}

export function NumberField({ name, unit, span, label, placeholder = '不详', disabled, extra }: NumberFieldProps) {
  return (
    <Field name={name} span={span} label={label} extra={extra}>
      <InputNumber style={{ width: '100%' }} suffix={unit} placeholder={placeholder} disabled={disabled} />
    </Field>
  );
}

export function DateField({ name, span }: { name: FieldName; span?: number }) {
  return (
    <Field name={name} span={span}>
      <DateInput />
    </Field>
  );
}

/** Yes/no facts as checkboxes in one row under a shared label: they are read and ticked together. */
export function FlagsRow({
  label,
  flags,
  span = 24,
  help,
}: {
  label: string;
  flags: { name: FieldName; text: string }[];
  span?: number;
  /** The definition shown beside the shared label. */
  help?: FieldHelpId;
}) {
  return (
    <Col span={span}>
      <Form.Item label={label} tooltip={help && FIELD_HELP[help]}>
        {flags.map(({ name, text }) => (
          <Form.Item key={name} name={name} valuePropName="checked" noStyle>
            <Checkbox>{text}</Checkbox>
          </Form.Item>
        ))}
      </Form.Item>
    </Col>
  );
}
