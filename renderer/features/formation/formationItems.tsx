import { Descriptions, Tag } from 'antd';
import type { EnterpriseDetail } from '../../../shared/domain/enterprise';
import { FORMATION_METHODS } from '../../../shared/domain/labels';
import { OpenLink } from '../../components/OpenLink';
import type { LedgerNav } from '../ledger/navigation';
import { HelpLabel } from '../help/HelpTip';

/** 万元 to the 元, as a clerk writes an amount: 0.9, 1.4400 → 1.44. */
const wan = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 4 });

/**
 * 所属商会/行业协会 and 龙头企业 (they open), the formation suggestion beside the clerk's 组建方向 for an enterprise
 * without its own organisation, and the party-work funding range for one with an organisation. Descriptions reads
 * its items from its direct children's props, so this is a list of items rather than a component of its own.
 */
export function formationItems(e: EnterpriseDetail, open: LedgerNav['open']) {
  const linkTo = (id: number | null, name: string | null, testId: string) =>
    id !== null && name !== null ? (
      <OpenLink onOpen={() => open({ kind: 'enterprise', id })} testId={testId}>
        {name}
      </OpenLink>
    ) : (
      '—'
    );
  const suggestion = e.formationSuggestion;
  const differs = suggestion !== null && e.formationDirection !== null && e.formationDirection !== suggestion.method;
  return [
    <Descriptions.Item key="association" label={<HelpLabel field="associationId">所属商会/行业协会</HelpLabel>}>
      {linkTo(e.associationId, e.associationName, 'enterprise-association-link')}
    </Descriptions.Item>,
    <Descriptions.Item key="lead" label={<HelpLabel field="leadEnterpriseId">龙头企业</HelpLabel>}>
      {linkTo(e.leadEnterpriseId, e.leadEnterpriseName, 'enterprise-lead-link')}
    </Descriptions.Item>,
    suggestion && (
      <Descriptions.Item key="suggestion" label={<HelpLabel field="formationMethod">组建建议</HelpLabel>} span={2}>
        <div data-testid="enterprise-formation-suggestion">
          <Tag color="blue">{FORMATION_METHODS[suggestion.method]}</Tag>
          {suggestion.reason}
        </div>
      </Descriptions.Item>
    ),
    <Descriptions.Item
      key="direction"
      label={<HelpLabel field="formationDirection">组建方向</HelpLabel>}
      span={e.orgSetting === 'none' ? 2 : 1}
    >
      <span data-testid="enterprise-formation-direction">
        {e.formationDirection ? FORMATION_METHODS[e.formationDirection] : '—'}
        {differs && (
          <Tag color="warning" style={{ marginLeft: 8 }} data-testid="enterprise-formation-differs">
            与建议不同
          </Tag>
        )}
      </span>
    </Descriptions.Item>,
    e.orgSetting !== 'none' && (
      <Descriptions.Item key="funding" label="党建工作经费（工资总额5‰–8‰）">
        <span data-testid="enterprise-funding-range">
          {e.fundingRange ? `${wan(e.fundingRange.low)}–${wan(e.fundingRange.high)} 万元` : '工资总额不详'}
        </span>
      </Descriptions.Item>
    ),
  ].filter(Boolean);
}
