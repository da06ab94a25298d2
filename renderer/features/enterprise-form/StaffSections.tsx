import { Col, Form, Space, Typography } from 'antd';
import { FIELD_HELP } from '../../../shared/domain/fieldHelp';
import { OPERATING_STATUSES } from '../../../shared/domain/labels';
import { revenueNeedsConfirming, SIZE_BANDS, sizeBand } from '../../../shared/domain/sizeBand';
import { SizeBandTag } from '../ledger/labels';
import { ChoiceField, DateField, NumberField, Section } from './fields';

/** 经营状况清. The start date matters only for an enterprise no longer 正常, but one already typed stays visible. */
export function OperationSection() {
  const status = Form.useWatch('operatingStatus');
  const since = Form.useWatch('statusSince');
  return (
    <Section title="经营状况清">
      <ChoiceField name="operatingStatus" labels={OPERATING_STATUSES} />
      {(status !== 'normal' || !!since) && <DateField name="statusSince" />}
      <NumberField name="revenue" unit="万元" label="年营业收入（万元）" />
      <NumberField name="payroll" unit="万元" label="工资总额（万元）" />
    </Section>
  );
}

/** 职工人数清, with the size band worked out as the clerk types the head count and revenue. */
export function StaffSection() {
  return (
    <Section title="职工人数清">
      <NumberField name="employees" unit="人" />
      <NumberField name="youngEmployees" unit="人" />
      <SizeBandPreview />
    </Section>
  );
}

function SizeBandPreview() {
  const employees = Form.useWatch<number | null | undefined>('employees');
  const revenue = Form.useWatch<number | null | undefined>('revenue');
  const band = sizeBand(employees, revenue);
  const confirm = revenueNeedsConfirming(employees, revenue);
  return (
    <Col span={8}>
      <Form.Item
        label="规模类别"
        tooltip={FIELD_HELP.sizeBand}
        validateStatus={confirm ? 'warning' : undefined}
        help={confirm ? '营业收入不详：从业50–79人的企业暂按营收500万元以下归入C类，请核实营业收入' : undefined}
      >
        <Space data-testid="size-band-preview">
          <SizeBandTag band={band} revenueNeedsConfirming={confirm} />
          <Typography.Text type="secondary">
            {band === 'unknown' ? '填写从业人员数后自动计算' : SIZE_BANDS[band]}
          </Typography.Text>
        </Space>
      </Form.Item>
    </Col>
  );
}
