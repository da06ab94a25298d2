import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIELD_HELP, isFieldHelpId, methodText, partyWorkRuleText } from '../../shared/domain/fieldHelp';
import { DEFAULT_INDICATORS } from '../../shared/domain/indicators';

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(d.name) ? [path] : [];
  });
}

/** Every way the renderer names a definition: <HelpLabel field="…">, help="…" (sections, flag rows), FIELD_HELP.… */
const USES = [/<HelpLabel field="(\w+)"/g, /\bhelp="(\w+)"/g, /FIELD_HELP\.(\w+)/g];

function idsUsed(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourcesUnder('renderer')) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of USES) for (const m of text.matchAll(pattern)) used.set(m[1]!, file);
  }
  return used;
}

describe('field definitions (shared/domain/fieldHelp.ts)', () => {
  test('every field id a tooltip or label uses has a definition', () => {
    const used = idsUsed();
    // The scan must see the tooltips it is meant to check, or it proves nothing.
    expect([...used.keys()]).toEqual(expect.arrayContaining(['orgSetting', 'superiorOrg', 'sizeBand', 'eightClear']));
    const missing = [...used].filter(([id]) => !isFieldHelpId(id)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  test('no definition is empty, and each is a sentence of its own', () => {
    for (const [id, text] of Object.entries(FIELD_HELP)) {
      expect(text.trim(), id).toBe(text);
      expect(text.length, id).toBeGreaterThan(10);
    }
  });

  test('the fields the issue names all have a definition', () => {
    const named = [
      'orgSetting',
      'superiorOrg',
      'formationDirection',
      'workCoverage',
      'sizeBand',
      'kind',
      'operatingStatus',
      'membersFloating',
      'membersInEnterprise',
      'membersAtOrigin',
      'ownerIsMember',
      'aboveScale',
      'keyCultivation',
      'instructorId',
      'leaderId',
      'workGroupId',
      'surveyedOn',
      'eightClear',
      'formationMethod',
      'termStartedOn',
      'termEndsOn',
    ];
    expect(named.filter((id) => !isFieldHelpId(id))).toEqual([]);
  });

  test('the size band definition states the A/B/C/D rule with its 500万元 line', () => {
    expect(FIELD_HELP.sizeBand).toContain('A 类30人以下');
    expect(FIELD_HELP.sizeBand).toContain('C 类50–79人且年营业收入500万元以下');
    expect(FIELD_HELP.sizeBand).toContain('D 类80人以上，或50–79人且年营业收入500万元以上');
  });
});

describe('计算方法 and the ledger’s 党的工作覆盖 rule', () => {
  const workCoverage = DEFAULT_INDICATORS.find((d) => d.key === 'work-coverage')!;
  const formation = DEFAULT_INDICATORS.find((d) => d.key === 'formation-rate')!;

  test('the rule follows the setting: months and whether an instructor is needed', () => {
    expect(partyWorkRuleText({ months: 12, needsInstructor: true })).toBe(
      '党的工作覆盖：已选派党建工作指导员，且统计截止日期前12个月内有工作记录',
    );
    expect(partyWorkRuleText({ months: 6, needsInstructor: false })).toBe(
      '党的工作覆盖：统计截止日期前6个月内有工作记录',
    );
  });

  test('党的工作覆盖率 spells out the rule in force; an indicator without it does not mention it', () => {
    const text = methodText(workCoverage, { months: 6, needsInstructor: false });
    expect(text).toBe(
      '计算方法：分母为“单位类型为企业、个体工商户，未建党组织”的企业，分子为其中“实现党的工作覆盖”的企业。' +
        '党的工作覆盖：统计截止日期前6个月内有工作记录。',
    );
    expect(methodText(workCoverage, 'each-own')).toContain('按各乡镇台账自己的认定规则');
    expect(methodText(formation, { months: 6, needsInstructor: false })).not.toContain('党的工作覆盖');
  });
});
