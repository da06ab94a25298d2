import { Select } from 'antd';

interface Props<V extends string | number> {
  /** Shown as the placeholder and read out as the control's name. */
  label: string;
  options: { value: V; label: string }[];
  value: V[];
  onChange: (value: V[]) => void;
  width?: number;
  loading?: boolean;
  testId?: string;
}

/** A list screen's filter: pick any of a few values, typed to narrow, cleared at once, one line however many. */
export function FilterSelect<V extends string | number>({
  label,
  options,
  value,
  onChange,
  width = 180,
  loading,
  testId,
}: Props<V>) {
  return (
    <Select<V[]>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={label}
      aria-label={label}
      style={{ width }}
      loading={loading}
      options={options}
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      data-testid={testId}
    />
  );
}
