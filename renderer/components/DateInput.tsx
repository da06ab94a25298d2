import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

/** Typed dates are accepted in the forms clerks write them; the first is how a date is shown. */
const FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY.M.D', 'YYYY/M/D', 'YYYY年M月D日'];

type DateInputProps = Omit<DatePickerProps, 'value' | 'onChange' | 'format'> & {
  /** YYYY-MM-DD */
  value?: string | null;
  /** YYYY-MM-DD, or undefined when cleared. */
  onChange?: (value: string | undefined) => void;
};

/** A date picker whose value is the YYYY-MM-DD text the contract stores, not a date object. */
export function DateInput({ value, onChange, style, ...rest }: DateInputProps) {
  return (
    <DatePicker
      placeholder="例如 2011-08-09"
      {...rest}
      style={{ width: '100%', ...style }}
      format={FORMATS}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}
