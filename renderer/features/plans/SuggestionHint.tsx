import { Button, Space, Tag, Typography } from 'antd';
import type { FormationSuggestion } from '../../../shared/domain/formationSuggestion';
import { FORMATION_METHODS, type FormationMethod } from '../../../shared/domain/labels';

/**
 * The formation rule's suggestion beside the clerk's 组建对策, with its reason; 「与建议不同」 when they differ, and
 * a button to take the suggestion.
 */
export function SuggestionHint({
  suggestion,
  method,
  enterpriseChosen,
  onAdopt,
}: {
  suggestion: FormationSuggestion | null;
  method: FormationMethod | null;
  enterpriseChosen: boolean;
  /** Absent when the form cannot be edited. */
  onAdopt?: (method: FormationMethod) => void;
}) {
  if (!enterpriseChosen) return <Typography.Text type="secondary">选择企业后显示建议的组建方式</Typography.Text>;
  if (!suggestion) return <Typography.Text type="secondary">该企业已单独建立党组织，没有组建建议</Typography.Text>;
  const differs = method !== null && method !== suggestion.method;
  return (
    <Space size={4} wrap data-testid="plan-suggestion" data-method={suggestion.method}>
      <span>建议：</span>
      <Tag color="blue">{FORMATION_METHODS[suggestion.method]}</Tag>
      <Typography.Text type="secondary">{suggestion.reason}</Typography.Text>
      {differs && (
        <Tag color="warning" data-testid="plan-method-differs">
          与建议不同
        </Tag>
      )}
      {onAdopt && method !== suggestion.method && (
        <Button size="small" type="link" onClick={() => onAdopt(suggestion.method)} data-testid="plan-adopt-suggestion">
          采用建议
        </Button>
      )}
    </Space>
  );
}
