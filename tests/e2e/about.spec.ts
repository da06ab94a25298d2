import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const OWN = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** What the installed program carries must be named with its licence: these four at least, and their texts. */
const EXPECTED: [name: string, licence: string, text: RegExp][] = [
  ['react', 'MIT', /Permission is hereby granted, free of charge/],
  ['antd', 'MIT', /Permission is hereby granted, free of charge/],
  ['exceljs', 'MIT', /Permission is hereby granted, free of charge/],
  ['better-sqlite3-multiple-ciphers', 'MIT', /Permission is hereby granted, free of charge/],
];

test('关于 names the version, the folders and the bundled components with their licences', async ({
  page,
  shell,
  dataDir,
}) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('menu-H').click();
  await page.locator('.ant-dropdown:visible [data-menu-id$="-help.about"]').click();

  const about = page.getByTestId('about-modal');
  await expect(about.getByTestId('about-version')).toHaveText(OWN.version);
  await expect(about).toContainText('浏览器版');
  await expect(about).toContainText(dataDir);

  const table = about.getByTestId('about-licences');
  for (const [name, licence, text] of EXPECTED) {
    const row = table.locator('tr').filter({ has: page.getByRole('cell', { name, exact: true }) });
    await expect(row.getByTestId('about-licence')).toHaveText(licence);
    await row.getByTestId('about-licence').click();
    await expect(page.getByTestId('about-licence-text')).toContainText(text);
    await page.locator('.ant-modal-close:visible').last().click();
    await expect(page.getByTestId('about-licence-text')).toBeHidden();
  }
});
