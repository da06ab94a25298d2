import { Button, Col, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import type { FormationSuggestion } from '../../../shared/domain/formationSuggestion';
import { FORMATION_METHODS } from '../../../shared/domain/labels';
import type { Lookups } from '../../../shared/domain/lookups';
import type { Campaign } from '../../../shared/domain/plans';
import { planInput } from '../../../shared/ipc/plans';
import { DateInput } from '../../components/DateInput';
import { schemaRule } from '../../components/schemaRule';
import { campaignOptions } from '../campaigns/useCampaigns';
import { optionsOf } from '../enterprise-form/fields';
import { EnterpriseSelect, type EnterpriseOption } from '../people/EnterpriseSelect';
import { MeasuresEditor } from './MeasuresEditor';
import { MilestonesEditor } from './MilestonesEditor';
import type { PlanFormValues } from './planFormModel';
import { SuggestionHint } from './SuggestionHint';

const rule = (field: keyof typeof planInput.shape) => [schemaRule(planInput, field)];

interface Props {
  form: FormInstance<PlanFormValues>;
  /** A new plan: the enterprise is chosen here. */
  creating: boolean;
  editable: boolean;
  /** 备注 alone stays open on a 已完成 plan. */
  noteEditable: boolean;
  /** The plan is neither 已完成 nor 搁置: late milestones count as 逾期. */
  planOpen: boolean;
  suggestion: FormationSuggestion | null;
  enterprise: EnterpriseOption | null;
  lookups: Lookups | null;
  campaigns: Campaign[] | null;
  /** Writes 现状 again from the ledger as it is now. */
  onRefreshSituation?: () => void;
}

/** The plan's own fields, in the order a 一企一策 sheet has them. */
export function PlanFields({
  form,
  creating,
  editable,
  noteEditable,
  planOpen,
  suggestion,
  enterprise,
  lookups,
  campaigns,
  onRefreshSituation,
}: Props) {
  const method = Form.useWatch('method', form) ?? null;
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const disabled = !editable;

  return (
    <Row gutter={16}>
      {creating && (
        <Col span={24}>
          <Form.Item
            required
            label="企业"
            name="enterpriseId"
            rules={rule('enterpriseId')}
            extra="选择企业后，现状、建议的组建对策和节点按台账预填"
          >
            <EnterpriseSelect autoFocus known={enterprise ? [enterprise] : []} data-testid="plan-enterprise" />
          </Form.Item>
        </Col>
      )}
      <Col span={10}>
        <Form.Item label="专项行动" name="campaignId" rules={rule('campaignId')}>
          <Select
            allowClear
            disabled={disabled}
            placeholder="不属于专项行动（年度方案）"
            options={campaignOptions(campaigns)}
            data-testid="plan-campaign"
          />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item required label="年度" name="year" rules={rule('year')}>
          <InputNumber disabled={disabled} min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item required label="开始日期" name="startOn" rules={rule('startOn')}>
          <DateInput disabled={disabled} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          label="现状"
          name="situation"
          rules={rule('situation')}
          extra={
            editable &&
            onRefreshSituation && (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={onRefreshSituation}>
                按台账重新填写现状
              </Button>
            )
          }
        >
          <Input.TextArea disabled={disabled} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="plan-situation" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="存在问题" name="problems" rules={rule('problems')}>
          <Input.TextArea
            disabled={disabled}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder="例如：党员组织关系分散，业主对组建顾虑较多"
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          label="组建对策"
          name="method"
          rules={rule('method')}
          extra={
            <SuggestionHint
              suggestion={suggestion}
              method={method}
              enterpriseChosen={!creating || !!enterpriseId}
              onAdopt={editable ? (m) => form.setFieldValue('method', m) : undefined}
            />
          }
        >
          <Select
            allowClear
            disabled={disabled}
            placeholder="未定"
            style={{ maxWidth: 240 }}
            options={optionsOf(FORMATION_METHODS)}
            data-testid="plan-method"
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="具体措施" name="measures">
          <MeasuresEditor disabled={disabled} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item label="责任推进组" name="workGroupId" rules={rule('workGroupId')}>
          <Select
            allowClear
            disabled={disabled}
            placeholder="未分组"
            showSearch={{ optionFilterProp: 'label' }}
            options={(lookups?.workGroups ?? []).map((g) => ({ value: g.id, label: g.name }))}
            data-testid="plan-work-group"
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item label="责任人" name="responsible" rules={rule('responsible')}>
          <Input disabled={disabled} maxLength={30} placeholder="例如：推进组组长" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="节点" name="milestones">
          <MilestonesEditor disabled={disabled} planOpen={planOpen} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="备注" name="note" rules={rule('note')}>
          <Input.TextArea disabled={!noteEditable} autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
