import { Form, Input, Select } from 'antd';
import {
  AREA_TYPES,
  CONTROL_TYPES,
  ENTERPRISE_KINDS,
  INDUSTRY_SECTIONS,
  OWNERSHIPS,
  type AreaType,
  type IndustrySection,
} from '../../../shared/domain/labels';
import type { AreaItem } from '../../../shared/domain/lookups';
import { ChoiceField, DateField, Field, FlagsRow, Section } from './fields';

const INDUSTRY_OPTIONS = (Object.keys(INDUSTRY_SECTIONS) as IndustrySection[]).map((value) => ({
  value,
  label: `${value} ${INDUSTRY_SECTIONS[value]}`,
}));

/** Areas grouped by their type (村, 社区, 工业园区 …) in the ledger's own order. */
function areaOptions(areas: AreaItem[]) {
  const sorted = [...areas].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  return (Object.keys(AREA_TYPES) as AreaType[])
    .map((type) => ({
      label: AREA_TYPES[type],
      title: AREA_TYPES[type],
      options: sorted.filter((a) => a.type === type).map((a) => ({ value: a.id, label: a.name })),
    }))
    .filter((group) => group.options.length > 0);
}

/** 企业性质清: what the enterprise is and where it is. */
export function NatureSection({ areas }: { areas: AreaItem[] | null }) {
  const ownership = Form.useWatch('ownership');
  const ownershipNote = Form.useWatch('ownershipNote');
  return (
    <Section title="企业性质清" help="eightClear">
      <Field name="name" span={16} required>
        <Input placeholder="营业执照上的全称" />
      </Field>
      <ChoiceField name="kind" labels={ENTERPRISE_KINDS} />
      <Field name="uscc" span={8} validateTrigger="onBlur">
        <Input placeholder="18位；个体工商户没有可不填" />
      </Field>
      <Field name="regNo" span={8} validateTrigger="onBlur">
        <Input placeholder="旧的15位注册号，可不填" />
      </Field>
      <ChoiceField name="ownership" labels={OWNERSHIPS} optional />
      {(ownership === 'other' || !!ownershipNote) && (
        <Field name="ownershipNote" span={8}>
          <Input placeholder="原登记的企业性质" />
        </Field>
      )}
      <Field name="industry" span={8}>
        <Select
          options={INDUSTRY_OPTIONS}
          allowClear
          placeholder="未填"
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
        />
      </Field>
      <ChoiceField name="controlType" labels={CONTROL_TYPES} optional />
      <FlagsRow label="规模以上" span={8} flags={[{ name: 'aboveScale', text: '规模以上企业' }]} help="aboveScale" />
      <Field name="areaId" span={8} required>
        <Select
          options={areas ? areaOptions(areas) : []}
          loading={!areas}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择村、社区或园区"
          notFoundContent="没有这个区域，请先在“设置”中添加"
        />
      </Field>
      <Field name="address" span={16}>
        <Input />
      </Field>
      <DateField name="foundedOn" />
    </Section>
  );
}
