import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Campaign } from '../../../shared/domain/plans';
import type { Lookups } from '../../../shared/domain/lookups';
import type { DocumentDetail } from '../../../shared/ipc/documents';
import type { EnterprisePage } from '../../../shared/ipc/enterprises';
import { CliError } from '../../../electron/cli/io';
import type { CoreClient } from '../../../electron/core/host/coreClient';
import { inProcessCore } from '../../../electron/core/host/inProcessCore';
import { npmCli, runCommand } from '../cliRun';
import { valueOf } from '../helpers';
import { convertAll } from '../../support/libreoffice';
import { pageTexts } from '../../support/pdf';
import { useTestFonts } from '../../support/testFonts';

/**
 * `yiqiyice print KIND …` as main.ts runs it: each kind to a PDF whose text holds what the clerk expects, a .docx
 * LibreOffice opens, and Chinese refusals that leave no file.
 */
const CHROMIUM = '/usr/bin/chromium';
let dir: string;
let ledger: string;
let enterprise: { id: number; name: string; uscc: string };
let issuedNumber: string;
let campaign: string | undefined;
let area: string;
const cores: CoreClient[] = [];
const core = () => {
  const c = inProcessCore({ dataDir: join(dir, 'data'), now: () => new Date('2026-11-21T08:00:00Z') });
  cores.push(c);
  return c;
};

beforeAll(async () => {
  useTestFonts();
  dir = mkdtempSync(join(tmpdir(), 'yqyc-print-cli-'));
  ledger = join(dir, '长乐镇.yqyc');
  const maker = core();
  valueOf(await maker.invoke('ledgers:createSample', { target: await maker.grant(ledger, 'create'), enterprises: 60 }));
  const page = valueOf<EnterprisePage>(
    await maker.invoke('enterprises:list', { query: { hasMembers: true }, offset: 0, limit: 50 }),
  );
  const row = page.rows.find((r) => r.uscc)!;
  enterprise = { id: row.id, name: row.name, uscc: row.uscc! };
  const notice = valueOf<DocumentDetail>(await maker.invoke('documents:draft', { source: 'blank', kind: 'notice' }));
  const content = {
    ...notice.content,
    title: '关于做好年度党建统计工作的通知',
    addressees: '各村党组织',
    body: '请按时报送。',
  };
  valueOf(await maker.invoke('documents:save', { id: notice.id, content }));
  issuedNumber = valueOf<DocumentDetail>(await maker.invoke('documents:issue', { id: notice.id })).number!;
  campaign = valueOf<Campaign[]>(await maker.invoke('campaigns:list', {}))[0]?.name;
  area = valueOf<Lookups>(await maker.invoke('settings:lookups', {})).areas[0]!.name;
  await maker.close();
}, 120_000);
afterAll(async () => {
  for (const c of cores) await c.close();
  rmSync(dir, { recursive: true, force: true });
});

type Values = Record<string, string | boolean | undefined>;
const run = (values: Values) => runCommand('print', core(), { ledger, browser: CHROMIUM, ...values });

async function printed(kind: string, out: string, extra: Values = {}): Promise<string[]> {
  const json = JSON.parse(await run({ kind, out, json: true, ...extra })) as Record<string, unknown>;
  expect(json).toEqual({ file: out, pages: expect.any(Number) as number, format: 'pdf' });
  const texts = pageTexts(readFileSync(out));
  expect(texts).toHaveLength(json.pages as number);
  return texts.map((t) => t.replace(/\s+/g, ''));
}

async function refusal(values: Values): Promise<CliError> {
  const e = await run(values).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CliError);
  return e as CliError;
}

describe('print to PDF', () => {
  test('approval: the 批复 for the enterprise names it', async () => {
    const texts = await printed('approval', join(dir, '批复.pdf'), { enterprise: enterprise.uscc.toLowerCase() });
    expect(texts.join('')).toContain(enterprise.name);
    expect(texts.join('')).toContain('批复');
  });

  test('campaign-notice carries the 名册 of enterprises with members but no organisation', async () => {
    const extra: Values = campaign ? { campaign } : {};
    const texts = await printed('campaign-notice', join(dir, '专项行动.pdf'), extra);
    expect(texts.join('')).toContain('有党员未建党组织企业名册');
  });

  test('instructor-notice prints the 选派 notice', async () => {
    const texts = await printed('instructor-notice', join(dir, '指导员.pdf'));
    expect(texts.join('')).toContain('党建工作指导员');
  });

  test('document: an issued document found by its number, however the brackets were typed', async () => {
    const typed = issuedNumber.replace('〔', '[').replace('〕', ']');
    const texts = await printed('document', join(dir, '已发.pdf'), { number: typed });
    expect(texts[0]).toContain(issuedNumber);
    expect(texts[0]).toContain('关于做好年度党建统计工作的通知');
  });

  test('ledger-cards of one area: one page per enterprise there', async () => {
    const texts = await printed('ledger-cards', join(dir, '台账卡.pdf'), { area });
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.includes(area))).toBe(true);
  });
});

describe('print to .docx', () => {
  test('an issued document as .docx opens in LibreOffice with its title and number', async () => {
    const out = join(dir, '已发.docx');
    const json = JSON.parse(await run({ kind: 'document', number: issuedNumber, out, format: 'docx', json: true }));
    expect(json).toMatchObject({ file: out, format: 'docx' });
    const text = (await writerText(out)).replace(/\s+/g, '');
    expect(text).toContain('关于做好年度党建统计工作的通知');
    expect(text).toContain(issuedNumber);
  }, 120_000);

  test('a pre-filled campaign notice as .docx carries its 名册 attachment, unnumbered and unsaved', async () => {
    const out = join(dir, '专项行动通知.docx');
    const json = JSON.parse(await run({ kind: 'campaign-notice', out, format: 'docx', json: true }));
    expect(json).toMatchObject({ file: out, format: 'docx' });
    const text = (await writerText(out)).replace(/\s+/g, '');
    expect(text).toContain('有党员未建党组织企业名册');
    expect(text).not.toMatch(/〔\d{4}〕\d+号/);
  }, 120_000);
});

describe('an issued 批复', () => {
  test('approval prints the issued 批复 (with its number) once there is one, also as .docx', async () => {
    const maker = core();
    valueOf(await maker.invoke('ledgers:openFile', { fileRef: await maker.grant(ledger, 'open') }));
    const draft = valueOf<DocumentDetail>(
      await maker.invoke('documents:draft', { source: 'approval', enterpriseId: enterprise.id }),
    );
    const issued = valueOf<DocumentDetail>(await maker.invoke('documents:issue', { id: draft.id }));
    const texts = await printed('approval', join(dir, '已发批复.pdf'), { enterprise: enterprise.uscc });
    expect(texts[0]).toContain(issued.number!);
    const out = join(dir, '批复.docx');
    await run({ kind: 'approval', enterprise: enterprise.uscc, out, format: 'docx' });
    const text = (await writerText(out)).replace(/\s+/g, '');
    expect(text).toContain(enterprise.name);
    expect(text).toContain(issued.number!);
  }, 120_000);
});

describe('refusals', () => {
  test.each([
    ['an unknown credit code', { kind: 'approval', enterprise: '91330000000000000X' }, '没有统一社会信用代码为'],
    ['an unknown number', { kind: 'document', number: '长委〔2026〕999号' }, '没有发文字号为'],
    ['an unknown area', { kind: 'ledger-cards', area: '不存在村' }, '没有名为“不存在村”的区域'],
    ['ledger cards as .docx', { kind: 'ledger-cards', format: 'docx' }, '企业台账卡只能打印为 PDF'],
    ['an unknown kind', { kind: 'poster' }, '未知的打印内容'],
    [
      'a browser that is not there',
      { kind: 'ledger-cards', browser: '/nowhere/chrome' },
      '指定的浏览器“/nowhere/chrome”不存在',
    ],
  ])('%s is refused in Chinese and writes nothing', async (_what, values, message) => {
    const ext = (values as Values).format === 'docx' ? 'docx' : 'pdf';
    const out = join(dir, `refused-${Math.random().toString(36).slice(2)}.${ext}`);
    const e = await refusal({ out, ...values });
    expect(e.message).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('as a clerk runs it', () => {
  test('npm run cli -- print … --json prints only the result, and a refusal exits non-zero', async () => {
    const out = join(dir, '命令行台账卡.pdf');
    const ok = await npmCli(
      ['print', 'ledger-cards', '--ledger', ledger, '--out', out, '--browser', CHROMIUM, '--json'],
      join(dir, 'cli-data'),
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ file: out, format: 'pdf' });
    expect(existsSync(out)).toBe(true);
    const bad = join(dir, '命令行.pdf');
    const refused = await npmCli(
      ['print', 'approval', '--ledger', ledger, '--out', bad, '--enterprise', '91330000000000000X'],
      join(dir, 'cli-data'),
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('没有统一社会信用代码为');
    expect(existsSync(bad)).toBe(false);
  }, 120_000);
});

/** The text LibreOffice Writer reads out of a .docx (converted to PDF, then extracted). */
async function writerText(docx: string): Promise<string> {
  const [pdf] = await convertAll([docx], 'writer-pdf', join(dir, `lo-${Math.random().toString(36).slice(2)}`));
  return pageTexts(readFileSync(pdf!)).join('\n');
}
