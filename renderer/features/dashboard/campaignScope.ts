import type { Indicator, IndicatorResult } from '../../../shared/domain/indicators';
import { ENTERPRISE_KINDS, idsOf } from '../../../shared/domain/labels';

/**
 * How many of the campaign's enterprises the figures cover, in words that are exact: read off the denominator of an
 * indicator that counts the enterprises by kind alone (the 总体组建率 does: 企业 and 个体工商户). When such a
 * denominator takes every kind it is all the campaign's enterprises; else it says which kinds. With no such
 * indicator the number is left out rather than guessed.
 */
export function campaignHeadcount(results: readonly IndicatorResult[], definitions: ReadonlyMap<string, Indicator>) {
  for (const r of results) {
    const kinds = kindsCounted(definitions.get(r.key));
    if (kinds === null) continue;
    if (kinds.length === idsOf(ENTERPRISE_KINDS).length) return `有方案的 ${r.denominator} 家企业`;
    return `有方案的${kinds.map((k) => ENTERPRISE_KINDS[k]).join('、')} ${r.denominator} 家`;
  }
  return '只计有方案的企业';
}

type Kind = keyof typeof ENTERPRISE_KINDS;

/** The kinds an indicator's denominator counts when it asks nothing else of an enterprise; null when it does. */
function kindsCounted(definition: Indicator | undefined): Kind[] | null {
  if (!definition) return null;
  const all = idsOf(ENTERPRISE_KINDS);
  if (definition.denominator.length === 0) return all;
  const [only, ...rest] = definition.denominator;
  if (rest.length > 0 || only?.fact !== 'kind') return null;
  const chosen = new Set<string>(only.in);
  return all.filter((k) => chosen.has(k));
}

/** 「专项行动：非公企业党建集中攻坚月（有方案的 8 家企业）」 */
export function campaignHeadline(
  name: string,
  results: readonly IndicatorResult[],
  definitions: ReadonlyMap<string, Indicator>,
) {
  return `专项行动：${name}（${campaignHeadcount(results, definitions)}）`;
}
