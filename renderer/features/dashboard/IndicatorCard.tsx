import { memo } from 'react';
import { Alert, Card, Flex, Progress, Space, Tag, Typography } from 'antd';
import { methodText } from '../../../shared/domain/fieldHelp';
import type { Indicator, IndicatorResult, PartyWorkRule } from '../../../shared/domain/indicators';
import { NumberLink, type Pick } from './NumberLink';
import { gapOf, percent, STATUS_LOOK, statusOf, targetText } from './status';

/**
 * One indicator as a clerk reads it at a glance: the rate against the target in the status colour, the counts it
 * comes from, how far from the target, and how it is computed. Every count opens its enterprises.
 */
export const IndicatorCard = memo(function IndicatorCard({
  result,
  definition,
  targetOrigin = null,
  partyWork = null,
}: {
  result: IndicatorResult;
  definition: Indicator | null;
  /** Whose target this is, said when the figures are a campaign's: 专项行动目标 or 同全镇目标. */
  targetOrigin?: string | null;
  /** The 党的工作覆盖 rule the figures were counted by, spelt out in 计算方法; null when not known here. */
  partyWork?: PartyWorkRule | 'each-own' | null;
}) {
  const status = statusOf(result, result.target);
  const look = STATUS_LOOK[status];
  const pick = (part: Pick['part']): Pick => ({ key: result.key, name: result.name, part });
  const gap = gapOf(result);

  return (
    <Card
      size="small"
      title={<span title={result.name}>{result.name}</span>}
      extra={<Tag color={look.tag}>{look.text}</Tag>}
      style={{ height: '100%', borderTop: `3px solid ${look.color}` }}
      data-testid="indicator-card"
      data-key={result.key}
      data-status={status}
    >
      <Flex align="baseline" gap={12} wrap>
        <Typography.Text
          strong
          style={{ fontSize: 30, lineHeight: 1.2, color: look.color }}
          data-testid="indicator-rate"
        >
          {result.rate === null ? '无数据' : percent(result.rate)}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="indicator-target">
          目标 {targetText(result.target)}
          {targetOrigin && `（${targetOrigin}）`}
        </Typography.Text>
      </Flex>
      <Progress
        percent={result.rate === null ? 0 : Math.round(result.rate * 1000) / 10}
        showInfo={false}
        strokeColor={look.color}
        size="small"
        aria-label="覆盖率"
      />
      <Space size={4} wrap style={{ marginTop: 4 }}>
        <span>已覆盖</span>
        <NumberLink value={result.numerator} pick={pick('numerator')} testId="indicator-numerator" />
        <span>/ 应覆盖</span>
        <NumberLink value={result.denominator} pick={pick('denominator')} testId="indicator-denominator" />
        <span>家，未覆盖</span>
        <NumberLink value={gap} pick={pick('gap')} testId="indicator-gap" />
        <span>家</span>
      </Space>
      <div style={{ marginTop: 4, minHeight: 22 }}>
        {result.shortfall !== null && result.shortfall > 0 && (
          <Typography.Text style={{ color: look.color }}>
            还差 <NumberLink value={result.shortfall} pick={pick('gap')} testId="indicator-shortfall" /> 家达到目标
          </Typography.Text>
        )}
        {result.met === true && <Typography.Text style={{ color: look.color }}>已达到目标</Typography.Text>}
        {result.rate === null && <Typography.Text type="secondary">没有应覆盖的企业，无法计算</Typography.Text>}
      </div>
      {result.revenueUnknown > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8, padding: '4px 8px' }}
          title={`${result.revenueUnknown} 家企业营业收入不详，按500万元以下计，请核实`}
          data-testid="indicator-revenue-unknown"
        />
      )}
      {definition && (
        <Typography.Paragraph
          type="secondary"
          style={{ fontSize: 12, margin: '8px 0 0' }}
          data-testid="indicator-method"
        >
          {methodText(definition, partyWork)}
          {result.note}
        </Typography.Paragraph>
      )}
    </Card>
  );
});
