import type { Page } from '@playwright/test';
import { onMembersRoster, sampleSuggestion } from '../../electron/core/sample/formationLinks';
import { generateSample } from '../../electron/core/sample/generate';
import { INACTIVE_STATUSES } from '../../shared/domain/labels';
import { expect, test } from './fixtures';
import { chooseInSelect } from './select';

/**
 * The sample's enterprises are the same whatever day it is drawn for (only dates move), so the generator tells the
 * test which enterprises are on the 名册 and what the rule suggests for them — worked out here without the core.
 */
const sample = generateSample();
const { enterprises, areas } = sample;
const suggestionOf = (i: number) => sampleSuggestion(enterprises, areas, i);
const roster = enterprises.flatMap((e, i) => (onMembersRoster(e) ? [i] : []));

/** As a clerk does it from the keyboard: focus the select, type to narrow the options, Enter takes the first. */
async function openSample(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('ledger-title')).toHaveText('中共长乐镇委员会');
}

test('an enterprise without an organisation shows its 组建建议 and reason; joining a 商会 on the form moves it to 行业统建 and marks the clerk’s 组建方向 as 与建议不同', async ({
  page,
  shell,
}) => {
  // A village enterprise on the 名册, suggested and planned 村企联建, in no association yet.
  const index = roster.find(
    (i) =>
      suggestionOf(i).rule === 'village-joint' &&
      enterprises[i]!.formationDirection === 'village-joint' &&
      enterprises[i]!.associationIndex === null,
  )!;
  const target = enterprises[index]!;
  const association = enterprises.find(
    (e) => e.kind === 'social-group' && e.name.endsWith('行业协会') && !INACTIVE_STATUSES.includes(e.operatingStatus),
  )!;

  await openSample(page, shell.url);
  await page.getByRole('tab', { name: '企业台账' }).click();
  await page.getByTestId('enterprise-search').fill(target.name);
  const table = page.getByTestId('enterprise-table');
  await expect(table).toHaveAttribute('data-total', '1');
  await table.getByTestId('enterprise-row').first().click();

  const detail = page.getByTestId('enterprise-detail');
  const suggestion = detail.getByTestId('enterprise-formation-suggestion');
  await expect(suggestion).toHaveText(`村企联建${suggestionOf(index).reason}`);
  await expect(suggestion).toContainText(`宜与${areas[target.areaIndex]!.name}党组织村企联建`);
  await expect(detail.getByTestId('enterprise-formation-direction')).toHaveText('村企联建');
  await expect(detail.getByTestId('enterprise-formation-differs')).toHaveCount(0);

  // On the form the suggestion follows the facts as they are typed: the association makes it 行业统建.
  await page.getByTestId('enterprise-edit').click();
  const form = page.getByTestId('enterprise-form');
  const hint = form.getByTestId('enterprise-formation-suggestion');
  await expect(hint).toContainText('村企联建');
  await chooseInSelect(page, form.locator('#enterprise_associationId'), association.name);
  await expect(hint).toContainText('行业统建');
  await expect(hint).toContainText(`所属${association.name}可牵头组建联合党组织，宜行业统建`);
  await expect(form.getByTestId('enterprise-formation-differs')).toHaveText('与建议不同');
  await page.getByTestId('enterprise-save').click();
  await expect(form).toBeHidden();

  // Saved: the detail says the same, names the association (which opens) and marks the clerk's differing plan.
  await expect(suggestion).toContainText('行业统建');
  await expect(suggestion).toContainText(`所属${association.name}`);
  await expect(detail.getByTestId('enterprise-formation-differs')).toHaveText('与建议不同');
  await detail.getByTestId('enterprise-association-link').click();
  await expect(page.getByTestId('enterprise-detail').locator('.ant-drawer-title')).toHaveText(association.name);
});

test('组建名册 lists exactly the sample’s enterprises with members and no organisation, filters by method, opens one, and lists the differing plans', async ({
  page,
  shell,
}) => {
  const leaderLed = roster.filter((i) => suggestionOf(i).method === 'leader-led');
  const differing = enterprises.filter(
    (e, i) =>
      !INACTIVE_STATUSES.includes(e.operatingStatus) &&
      e.orgSetting !== 'standalone' &&
      e.formationDirection !== null &&
      e.formationDirection !== suggestionOf(i).method,
  );
  expect(leaderLed.length).toBeGreaterThan(0);

  await openSample(page, shell.url);
  await page.getByRole('tab', { name: '组建名册' }).click();
  const screen = page.getByTestId('formation-screen');
  const table = screen.getByTestId('formation-table');
  await expect(table).toHaveAttribute('data-loading', 'false');
  await expect(table).toHaveAttribute('data-total', String(roster.length));
  const rows = table.getByTestId('formation-row');
  await expect(rows).toHaveCount(Math.min(roster.length, 50));
  const names = await rows.getByTestId('formation-enterprise-link').allInnerTexts();
  expect(names.sort()).toEqual(roster.map((i) => enterprises[i]!.name).sort());

  // The differing plans: every row says so.
  const lists = screen.getByTestId('formation-list-switch');
  await lists.getByText('组建方向与建议不一致').click();
  await expect(table).toHaveAttribute('data-total', String(differing.length));
  await expect(table).toHaveAttribute('data-loading', 'false');
  for (const text of await rows.allInnerTexts()) expect(text).toContain('与建议不同');

  // Back on the 名册, narrowed to one method; a name opens the enterprise over the list.
  await lists.getByText('有党员未建党组织企业名册').click();
  await chooseInSelect(page, screen.getByRole('combobox', { name: '建议组建方式' }), '龙头领建');
  await expect(table).toHaveAttribute('data-total', String(leaderLed.length));
  await expect(table).toHaveAttribute('data-loading', 'false');
  const first = enterprises[leaderLed[0]!]!;
  const row = rows.filter({ hasText: first.name });
  await expect(row).toContainText(suggestionOf(leaderLed[0]!).reason);
  await row.getByTestId('formation-enterprise-link').click();
  const detail = page.getByTestId('enterprise-detail');
  await expect(detail.locator('.ant-drawer-title')).toHaveText(first.name);
  await expect(detail.getByTestId('enterprise-formation-suggestion')).toContainText('龙头领建');
});
