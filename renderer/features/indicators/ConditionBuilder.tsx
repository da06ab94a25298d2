import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Form, InputNumber, Radio, Select, Typography } from 'antd';
import {
  FACT_LABELS,
  isRangeClause,
  isRecentLogClause,
  isSetClause,
  NUMBER_FACTS,
  RECENT_LOG_MAX_MONTHS,
  SET_FACTS,
  type Clause,
  type Condition,
  type FactName,
  type FlagClause,
  type RangeClause,
  type RecentLogClause,
  type SetClause,
} from '../../../shared/domain/indicators';
import type { LabelMap } from '../../../shared/domain/labels';
import { clauseProblem, FACT_GROUPS, startingClause } from './clauses';

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];
const HAS_NONE = [
  { value: true, label: '有' },
  { value: false, label: '无' },
];

type Edit<C> = { clause: C; onChange: (c: C) => void; disabled: boolean };

function SetEditor({ clause, onChange, disabled }: Edit<SetClause>) {
  const options = SET_FACTS[clause.fact].options as LabelMap<string>;
  return (
    <Select
      mode="multiple"
      allowClear
      disabled={disabled}
      style={{ flex: 1, minWidth: 0 }}
      placeholder={`选择${SET_FACTS[clause.fact].label}（可多选）`}
      value={clause.in}
      onChange={(values: string[]) => onChange({ ...clause, in: values })}
      options={Object.entries(options).map(([value, label]) => ({ value, label }))}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid="clause-values"
    />
  );
}

function RangeEditor({ clause, onChange, disabled }: Edit<RangeClause>) {
  const { unit, note } = NUMBER_FACTS[clause.fact];
  const bound = (which: 'min' | 'max', placeholder: string) => (
    <InputNumber<number>
      disabled={disabled}
      min={0}
      placeholder={placeholder}
      value={clause[which]}
      // A cleared box is no bound on that side; the core wants null, not undefined.
      onChange={(v) => onChange({ ...clause, [which]: typeof v === 'number' ? v : null })}
      suffix={unit}
      style={{ width: 150 }}
      data-testid={`clause-${which}`}
    />
  );
  return (
    <Flex vertical gap={2} style={{ flex: 1 }}>
      <Flex align="center" gap={8} wrap>
        {bound('min', '下限（不限）')}
        <span>至</span>
        {bound('max', '上限（不限）')}
        <Typography.Text type="secondary">（含两端，可只填一边）</Typography.Text>
      </Flex>
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Flex>
  );
}

function FlagEditor({ clause, onChange, disabled }: Edit<FlagClause>) {
  return (
    <Radio.Group
      disabled={disabled}
      optionType="button"
      size="small"
      options={YES_NO}
      value={clause.is}
      onChange={(e) => onChange({ ...clause, is: e.target.value as boolean })}
      data-testid="clause-flag"
    />
  );
}

function RecentLogEditor({ clause, onChange, disabled }: Edit<RecentLogClause>) {
  return (
    <Flex align="center" gap={8} wrap>
      <span>近</span>
      <InputNumber<number>
        disabled={disabled}
        min={1}
        max={RECENT_LOG_MAX_MONTHS}
        precision={0}
        value={clause.months}
        onChange={(v) => onChange({ ...clause, months: typeof v === 'number' ? v : 0 })}
        style={{ width: 80 }}
        data-testid="clause-months"
      />
      <span>个月内</span>
      <Radio.Group
        disabled={disabled}
        optionType="button"
        size="small"
        options={HAS_NONE}
        value={clause.is}
        onChange={(e) => onChange({ ...clause, is: e.target.value as boolean })}
        data-testid="clause-flag"
      />
      <span>工作记录</span>
    </Flex>
  );
}

function ClauseEditor(props: Edit<Clause>) {
  const { clause } = props;
  if (isSetClause(clause)) return <SetEditor {...(props as Edit<SetClause>)} />;
  if (isRangeClause(clause)) return <RangeEditor {...(props as Edit<RangeClause>)} />;
  if (isRecentLogClause(clause)) return <RecentLogEditor {...(props as Edit<RecentLogClause>)} />;
  return <FlagEditor {...(props as Edit<FlagClause>)} />;
}

interface ConditionBuilderProps {
  /** From Form.Item. */
  id?: string;
  value?: Condition;
  onChange?: (value: Condition) => void;
  disabled?: boolean;
  /** The months a new 近期工作记录 clause starts with: the ledger's 工作覆盖 rule. */
  recentMonths?: number;
  /** data-testid of the builder; rows and the add button are found inside it. */
  testId: string;
}

/**
 * A condition as the clerk builds it: one row per fact, all of which must hold. 「添加条件」 offers the facts by group
 * (type to narrow them); a fact already used is greyed out, since the core takes each fact once per condition. Once the form has checked the
 * condition, the rows the core would refuse are marked red; the reason is under the builder.
 */
export function ConditionBuilder({
  id,
  value = [],
  onChange,
  disabled = false,
  recentMonths,
  testId,
}: ConditionBuilderProps) {
  const { errors } = Form.Item.useStatus();
  const checked = errors.length > 0;
  const used = new Set<FactName>(value.map((c) => c.fact));

  const replace = (at: number, clause: Clause) => onChange?.(value.map((c, i) => (i === at ? clause : c)));
  const remove = (at: number) => onChange?.(value.filter((_c, i) => i !== at));
  const add = (fact: FactName) => onChange?.([...value, startingClause(fact, recentMonths)]);

  // Grouped as a clerk thinks of an enterprise; typing narrows the list, Enter adds the first match.
  const factOptions = FACT_GROUPS.map((group) => ({
    label: group.label,
    title: group.label,
    options: group.facts.map(({ fact, label }) => ({
      value: fact,
      label: used.has(fact) ? `${label}（已添加）` : label,
      disabled: used.has(fact),
    })),
  }));

  return (
    <Flex vertical gap={6} id={id} data-testid={testId}>
      {value.length === 0 && (
        <Typography.Text type="secondary" data-testid="condition-empty">
          未设条件：全部在册企业
        </Typography.Text>
      )}
      {value.map((clause, at) => (
        // A fact appears once per condition, so it names its row.
        <Form.Item key={clause.fact} noStyle validateStatus={checked && clauseProblem(clause) !== null ? 'error' : ''}>
          <Flex
            align="flex-start"
            gap={8}
            data-testid="clause-row"
            data-fact={clause.fact}
            style={{ padding: '4px 8px', background: 'rgba(0, 0, 0, 0.02)', borderRadius: 6 }}
          >
            <Typography.Text strong style={{ width: 120, flex: 'none', lineHeight: '32px' }}>
              {FACT_LABELS[clause.fact]}
            </Typography.Text>
            <Flex align="center" style={{ flex: 1, minWidth: 0, minHeight: 32 }}>
              <ClauseEditor clause={clause} onChange={(c) => replace(at, c)} disabled={disabled} />
            </Flex>
            {!disabled && (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={`删除条件“${FACT_LABELS[clause.fact]}”`}
                onClick={() => remove(at)}
                data-testid="clause-remove"
              />
            )}
          </Flex>
        </Form.Item>
      ))}
      {!disabled && (
        // Picking a fact is never the fault: the picker stays out of the condition's red.
        <Form.Item noStyle validateStatus="">
          <Select<FactName | null>
            value={null}
            placeholder="＋ 添加条件（可输入查找）"
            options={factOptions}
            onChange={(fact) => fact && add(fact)}
            showSearch={{ optionFilterProp: 'label' }}
            listHeight={360}
            style={{ width: 280 }}
            popupMatchSelectWidth={360}
            aria-label="添加条件"
            data-testid="clause-add"
          />
        </Form.Item>
      )}
    </Flex>
  );
}
