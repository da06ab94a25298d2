import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DOC_SOURCES } from '../../../shared/documents/model';
import { idCheckChar } from '../../../shared/domain/idNumber';
import { REPORT_PERSONAL_DATA, REPORTS, type ReportId } from '../../../shared/excel/kinds';
import { contract } from '../../../shared/ipc';
import { ATTACHABLE_TABLES, type DocumentDetail } from '../../../shared/ipc/documents';
import type { TemplateOpened } from '../../../shared/ipc/exports';
import type { Saved } from '../../../shared/ipc/fields';
import { PERSONAL_FIELDS } from '../../../shared/ipc/personal';
import type { PrintDone } from '../../../shared/ipc/print';
import { downloadPath } from '../../../electron/core/app/outputs';
import { TABLES_BY_ENTITY } from '../../../electron/core/db/tables';
import type { CoreClient } from '../../../electron/core/host/coreClient';
import { inProcessCore } from '../../../electron/core/host/inProcessCore';
import { pageTexts } from '../../support/pdf';
import { useTestFonts } from '../../support/testFonts';
import { valueOf } from '../helpers';

/**
 * The check that matters most for issue 10: one sample township with a known 身份证号 and phone on every personal
 * field of every entity (PERSONAL_FIELDS), then every export, print and answer the app gives, searched for every full
 * value the ledger holds. Workbooks are read with SheetJS (not the library that wrote them), PDFs with pdftotext,
 * .docx as their XML. Then the exports that offer 显示完整个人信息 do carry the values, and the change log says so.
 */
let dir = '';
let dataDir = '';
let ledger = '';
let core: CoreClient;
let full: string[] = [];
const ids: Record<string, number> = {};

const idNo = (first17: string) => `${first17}${idCheckChar(first17)}`;
const KNOWN = {
  enterprise: '13912340001',
  memberId: idNo('33068319850612001'),
  memberPhone: '13912340002',
  secretaryPhone: '0575-83012345',
  instructor: '13912340004',
  leader: '13912340005',
  workGroupMember: '13912340006',
};

const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));
const flat = (text: string) => text.replace(/\s+/g, '');

/** Every full personal value in the ledger file, read straight from the tables PERSONAL_FIELDS names. */
function personalValues(): string[] {
  const db = new Database(ledger, { readonly: true });
  try {
    const out = new Set<string>();
    for (const [entity, fields] of Object.entries(PERSONAL_FIELDS)) {
      const spec = TABLES_BY_ENTITY[entity]!;
      for (const field of fields) {
        const column = (spec.columns as Record<string, { column: string }>)[field]!.column;
        const values = db
          .prepare(`SELECT ${column} FROM ${spec.table} WHERE coalesce(${column}, '') <> ''`)
          .pluck()
          .all() as string[];
        for (const v of values) out.add(v);
      }
    }
    return [...out];
  } finally {
    db.close();
  }
}

/** Which full values a text holds (whitespace ignored: pdftotext and cell wrapping break long values). */
function leaked(text: string): string[] {
  const t = flat(text);
  return full.filter((v) => t.includes(v));
}

function workbookText(path: string): string {
  const book = XLSX.read(readFileSync(path));
  return book.SheetNames.map((name) =>
    XLSX.utils
      .sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, raw: false, defval: '' })
      .map((row) => row.join('|'))
      .join('\n'),
  ).join('\n');
}

function docxText(path: string): string {
  return execFileSync('unzip', ['-p', path, 'word/*.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 }).replace(
    /<[^>]+>/g,
    '',
  );
}

const downloaded = (download: string | null) => downloadPath(dataDir, download!)!;

let n = 0;
async function exportReport(report: ReportId, unmask: boolean): Promise<string> {
  const path = join(dir, `${report}-${++n}.xlsx`);
  await call('exports:run', { report, unmask, target: await core.grant(path, 'export') });
  return path;
}

beforeAll(async () => {
  useTestFonts();
  process.env.YIQIYICE_BROWSER = '/usr/bin/chromium';
  dir = mkdtempSync(join(tmpdir(), 'yqyc-noleak-'));
  dataDir = join(dir, 'data');
  core = inProcessCore({ dataDir, now: () => new Date('2026-11-21T08:00:00Z'), actor: '王文书' });
  ledger = join(dir, '长乐镇.yqyc');
  valueOf(
    await core.invoke('ledgers:createSample', { target: await core.grant(ledger, 'create'), enterprises: 40, seed: 7 }),
  );
  const areaId = (await call<{ areas: { id: number }[] }>('settings:lookups')).areas[0]!.id;
  const group = await call<{ id: number }>('workGroups:save', { name: '隐私检查推进组' });
  ids.enterprise = (
    await call<Saved>('enterprises:create', {
      input: {
        name: '嵊州市隐私检查机械有限公司',
        areaId,
        workGroupId: group.id,
        contactName: '赵明',
        contactPhone: KNOWN.enterprise,
        employees: 80,
        fullMembers: 3,
      },
    })
  ).id;
  ids.member = (
    await call<Saved>('members:save', {
      input: {
        enterpriseId: ids.enterprise,
        name: '张三',
        idNumber: KNOWN.memberId,
        phone: KNOWN.memberPhone,
        gender: 'male',
        birthMonth: '1985-06',
      },
    })
  ).id;
  ids.partyOrg = (
    await call<Saved>('partyOrgs:save', {
      input: {
        name: '嵊州市隐私检查机械有限公司党支部',
        type: 'branch',
        areaId,
        secretaryName: '钱书记',
        secretaryPhone: KNOWN.secretaryPhone,
      },
      enterpriseIds: [ids.enterprise],
    })
  ).id;
  await call('formationSteps:save', {
    orgId: ids.partyOrg,
    step: 'request',
    doneOn: '2026-10-08',
    docNo: '隐私〔2026〕1号',
    note: '关于成立党支部的请示',
  });
  ids.instructor = (await call<{ id: number }>('instructors:save', { name: '王指导', phone: KNOWN.instructor })).id;
  await call('enterprises:update', {
    id: ids.enterprise,
    input: {
      name: '嵊州市隐私检查机械有限公司',
      areaId,
      workGroupId: group.id,
      partyOrgId: ids.partyOrg,
      instructorId: ids.instructor,
      contactName: '赵明',
      contactPhone: '139****0001',
      employees: 80,
    },
  });
  ids.leader = (await call<{ id: number }>('leaders:save', { name: '陈镇长', phone: KNOWN.leader })).id;
  await call('leaders:setEnterprises', { id: ids.leader, enterpriseIds: [ids.enterprise] });
  ids.workGroupMember = (
    await call<{ id: number }>('workGroupMembers:save', {
      workGroupId: group.id,
      name: '俞晓峰',
      phone: KNOWN.workGroupMember,
    })
  ).id;
  ids.workGroup = group.id;
  full = personalValues();
}, 180_000);

afterAll(async () => {
  await core?.close();
  delete process.env.YIQIYICE_BROWSER;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the ledger holds every known value, on every personal field, and many more from the sample', () => {
  for (const v of Object.values(KNOWN)) expect(full).toContain(v);
  expect(full.length).toBeGreaterThan(100);
});

describe('exports carry no full value', () => {
  test.each(Object.keys(REPORTS) as ReportId[])('%s, masked', async (report) => {
    expect(leaked(workbookText(await exportReport(report, false)))).toEqual([]);
  });

  test('a filled template', async () => {
    const path = join(dir, 'template.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表1');
    sheet.addRow(['企业名称', '联系人', '联系电话']);
    sheet.addRow(['', '', '']);
    await book.xlsx.writeFile(path);
    const opened = await call<TemplateOpened>('templates:open', { fileRef: await core.grant(path, 'import') });
    const mapping = { ...opened.sheets[0]!.guessed!, scope: 'all' };
    expect(mapping.columns.map((c) => c.source)).toContain('field.contactPhone');
    const out = join(dir, 'template-filled.xlsx');
    await call('templates:fill', { sessionId: opened.sessionId, mapping, target: await core.grant(out, 'export') });
    const text = workbookText(out);
    expect(text).toContain('139****0001');
    expect(leaked(text)).toEqual([]);
  });

  test('an import of a roster: its preview and report show 身份证号 and phones masked', async () => {
    const path = join(dir, 'roster.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名册');
    sheet.addRow(['所在企业', '姓名', '身份证号', '联系电话']);
    sheet.addRow(['嵊州市隐私检查机械有限公司', '张三', KNOWN.memberId, KNOWN.memberPhone]);
    sheet.addRow(['嵊州市隐私检查机械有限公司', '李四', idNo('33068319900301002'), '13912349999']);
    await book.xlsx.writeFile(path);
    full = [...full, idNo('33068319900301002'), '13912349999'];
    const opened = await call<{
      sessionId: string;
      sheets: { name: string; header: { start: number; end: number } }[];
    }>('imports:open', { fileRef: await core.grant(path, 'import') });
    const layout = await call<{ mapping: Record<string, unknown> }>('imports:columns', {
      sessionId: opened.sessionId,
      kind: 'members',
      sheet: opened.sheets[0]!.name,
      header: { start: 1, end: 1 },
    });
    const plan = {
      sessionId: opened.sessionId,
      kind: 'members',
      sheet: opened.sheets[0]!.name,
      header: { start: 1, end: 1 },
      mapping: layout.mapping,
    };
    const preview = await core.invoke('imports:preview', plan);
    expect(preview.ok, JSON.stringify(preview)).toBe(true);
    expect(leaked(JSON.stringify(preview))).toEqual([]);
    await call('imports:close', { sessionId: opened.sessionId });
  });
});

describe('prints carry no full value', () => {
  const pdfOf = async (what: Record<string, unknown>) => {
    const done = await call<PrintDone>('print:pdf', { what });
    return pageTexts(readFileSync(downloaded(done.download))).join('\n');
  };

  test('企业台账卡 of every enterprise', async () => {
    const text = await pdfOf({ kind: 'ledger-cards' });
    expect(flat(text)).toContain('嵊州市隐私检查机械有限公司');
    expect(flat(text)).toContain('139****0001');
    expect(leaked(text)).toEqual([]);
  }, 180_000);

  test('一企一策方案 sheet', async () => {
    const plan = await call<{ id: number }>('plans:save', {
      input: { enterpriseId: ids.enterprise, year: 2026, startOn: '2026-11-01' },
    }).catch(async () => (await call<{ rows: { id: number }[] }>('plans:list', {})).rows[0]!);
    const text = await pdfOf({ kind: 'plan-sheet', planId: plan.id });
    expect(leaked(text)).toEqual([]);
  }, 120_000);

  const drafts: Record<string, unknown>[] = [
    ...Object.keys(DOC_SOURCES)
      .filter((s) => s !== 'table-notice')
      .map((source) => (source === 'approval' ? { source, enterpriseId: 0 } : { source })),
    ...Object.keys(ATTACHABLE_TABLES).map((table) => ({ source: 'table-notice', table })),
  ];

  test.each(drafts)(
    '公文 %o as PDF and .docx, prefilled and saved',
    async (given) => {
      const draft = given.source === 'approval' ? { ...given, enterpriseId: ids.enterprise } : given;
      const pdf = await pdfOf({ kind: 'prefill', draft });
      expect(leaked(pdf)).toEqual([]);
      const docx = await call<PrintDone>('print:docx', { draft });
      expect(leaked(docxText(downloaded(docx.download)))).toEqual([]);
      const saved = await call<DocumentDetail>('documents:draft', draft);
      expect(leaked(JSON.stringify(saved))).toEqual([]);
      expect(leaked(await pdfOf({ kind: 'documents', ids: [saved.id] }))).toEqual([]);
    },
    180_000,
  );
});

/**
 * Every channel of the contract is either read here (its answer searched) or named as one that changes or opens
 * something: a new channel fails this test until it is placed, so none escapes the check unnoticed.
 */
const READS: Record<string, () => unknown> = {
  'ledgers:listRecent': () => ({}),
  'ledgers:current': () => ({}),
  'ledgers:summary': () => ({}),
  'lock:getSettings': () => ({}),
  'lock:status': () => ({}),
  'enterprises:list': () => ({ query: {}, offset: 0, limit: 500 }),
  'enterprises:ids': () => ({ query: {} }),
  'enterprises:get': () => ({ id: ids.enterprise }),
  'enterprises:history': () => ({ id: ids.enterprise }),
  'settings:lookups': () => ({}),
  'changes:lastUndoable': () => ({}),
  'changes:lastRedoable': () => ({}),
  'partyOrgs:list': () => ({}),
  'partyOrgs:get': () => ({ id: ids.partyOrg }),
  'members:list': () => ({ query: {}, offset: 0, limit: 500 }),
  'members:get': () => ({ id: ids.member }),
  'members:history': () => ({ id: ids.member }),
  'instructors:detail': () => ({ id: ids.instructor }),
  'leaders:detail': () => ({ id: ids.leader }),
  'workGroups:detail': () => ({ id: ids.workGroup }),
  'workLogs:list': () => ({ query: {}, offset: 0, limit: 500 }),
  'reminders:list': () => ({}),
  'indicators:list': () => ({}),
  'stats:settings': () => ({}),
  'stats:report': () => ({}),
  'snapshots:list': () => ({}),
  'formation:list': () => ({ list: 'members-no-org' }),
  'plans:list': () => ({}),
  'plans:prefill': () => ({ enterpriseId: ids.enterprise, startOn: '2026-11-01' }),
  'campaigns:list': () => ({}),
  'assessments:list': () => ({ year: 2026 }),
  'assessments:prefill': () => ({ enterpriseId: ids.enterprise }),
  'year:closings': () => ({}),
  'exports:log': () => ({}),
  'backups:list': () => ({}),
  'backups:settings': () => ({}),
  'documents:list': () => ({}),
  'documents:nextNumber': () => ({ year: 2026 }),
  'documents:register': () => ({ year: 2026 }),
  'documents:forEnterprise': () => ({ enterpriseId: ids.enterprise }),
  'print:fonts': () => ({}),
  'prefs:get': () => ({}),
  'app:about': () => ({}),
  'app:licence': () => ({ name: 'exceljs' }),
};

/** Channels that write, open a file, or need a record these tests make elsewhere (prints, documents, imports). */
const NOT_READ_HERE = new Set([
  ...['ledgers:create', 'ledgers:createSample', 'ledgers:open', 'ledgers:openFile', 'ledgers:copyToLocal'],
  ...['ledgers:check', 'ledgers:close', 'ledgers:setPassword', 'ledgers:changePassword', 'ledgers:removePassword'],
  ...['ledgers:lock', 'ledgers:unlock', 'lock:saveSettings'],
  ...['enterprises:create', 'enterprises:update', 'enterprises:delete', 'enterprises:bulkUpdate'],
  ...['settings:update', 'areas:save', 'areas:delete', 'zones:save', 'zones:delete', 'workGroups:save'],
  ...['workGroups:delete', 'instructors:save', 'instructors:delete', 'changes:undo', 'changes:redo'],
  ...['partyOrgs:save', 'partyOrgs:delete', 'formationSteps:save', 'formationSteps:delete'],
  ...['attachments:add', 'attachments:get', 'attachments:delete'],
  ...['members:save', 'members:delete', 'members:transfer', 'members:setRoster'],
  ...['assignments:save', 'assignments:delete', 'trainings:save', 'trainings:delete'],
  ...['leaders:save', 'leaders:delete', 'leaders:setEnterprises', 'workGroupMembers:save', 'workGroupMembers:delete'],
  ...['workLogs:get', 'workLogs:save', 'workLogs:delete'],
  ...['indicators:save', 'indicators:delete', 'indicators:restoreDefault', 'indicators:move'],
  ...['stats:saveSettings', 'stats:snapshotEnterprises', 'snapshots:take', 'snapshots:delete'],
  ...['snapshots:compare', 'snapshots:trend'],
  ...['plans:get', 'plans:save', 'plans:delete', 'plans:transition', 'plans:batchCreate', 'plans:history'],
  ...['campaigns:save', 'campaigns:delete', 'assessments:save', 'assessments:delete', 'year:close'],
  ...['jobs:progress', 'jobs:cancel'],
  ...['imports:open', 'imports:columns', 'imports:preview', 'imports:commit', 'imports:close'],
  ...['exports:run', 'templates:open', 'templates:fill'],
  ...['backups:create', 'backups:restore', 'backups:restoreFile', 'backups:saveSettings'],
  ...['documents:get', 'documents:draft', 'documents:save', 'documents:delete', 'documents:issue'],
  ...['documents:withdraw', 'documents:exportRegister'],
  ...['print:pdf', 'print:docx', 'print:browsers', 'print:chooseBrowser', 'personal:reveal'],
  ...['prefs:save'],
  // Read in their own test below: they need the ledger file opened as a township of a county view.
  ...['county:open', 'county:current', 'county:export', 'county:close'],
]);

describe('answers carry no full value', () => {
  test('every channel of the contract is either read below or named as not a read', () => {
    const unplaced = Object.keys(contract).filter((c) => !(c in READS) && !NOT_READ_HERE.has(c));
    expect(unplaced).toEqual([]);
  });

  test.each(Object.keys(READS))('%s', async (channel) => {
    const answer = await core.invoke(channel, READS[channel]!());
    expect(answer.ok, JSON.stringify(answer).slice(0, 300)).toBe(true);
    expect(leaked(JSON.stringify(answer))).toEqual([]);
  });

  test('the county view (全县汇总) of this ledger: opened, counted again, exported', async () => {
    // A copy as a township sends it: the open ledger's newest pages are still in its -wal, which a county read
    // of the file itself would not see whole.
    const sent = join(dir, 'county', '长乐镇.yqyc');
    mkdirSync(join(dir, 'county'));
    const source = new Database(ledger, { readonly: true });
    await source.backup(sent);
    source.close();
    const opened = await call('county:open', { fileRefs: [await core.grant(sent, 'open')] });
    expect(JSON.stringify(opened)).toContain('长乐镇');
    expect(leaked(JSON.stringify(opened))).toEqual([]);
    expect(leaked(JSON.stringify(await call('county:current')))).toEqual([]);
    const path = join(dir, 'county.xlsx');
    await call('county:export', { target: await core.grant(path, 'export') });
    const text = workbookText(path);
    expect(text).toContain('全县合计');
    expect(leaked(text)).toEqual([]);
    expect(await call('county:close')).toBeNull();
  });

  test('saves answer masked too: an instructor, a leader, a work-group member', async () => {
    const answers = [
      await call('instructors:save', { id: ids.instructor, name: '王指导', phone: '139****0004' }),
      await call('leaders:save', { id: ids.leader, name: '陈镇长', phone: '139****0005' }),
      await call('workGroupMembers:save', {
        id: ids.workGroupMember,
        workGroupId: ids.workGroup,
        name: '俞晓峰',
        phone: '139****0006',
      }),
    ];
    expect(leaked(JSON.stringify(answers))).toEqual([]);
  });
});

describe('显示完整个人信息 on an export does carry the values, and is recorded', () => {
  const offered = Object.keys(REPORT_PERSONAL_DATA) as ReportId[];

  test.each(offered)('%s, unmasked', async (report) => {
    const text = workbookText(await exportReport(report, true));
    expect(leaked(text).length).toBeGreaterThan(0);
    const db = new Database(ledger, { readonly: true });
    try {
      const row = db
        .prepare(
          `SELECT b.action, b.actor, l.entity, l.field, l.old_value AS oldValue, l.new_value AS newValue,
                  x.report, x.unmasked
           FROM change_log l JOIN change_batches b ON b.id = l.batch_id
             JOIN export_log x ON x.id = l.entity_id
           WHERE l.op = 'reveal' AND l.entity = 'export_log' ORDER BY l.id DESC LIMIT 1`,
        )
        .get();
      expect(row).toEqual({
        action: `导出完整个人信息：${REPORTS[report]}`,
        actor: '王文书',
        entity: 'export_log',
        field: REPORT_PERSONAL_DATA[report],
        oldValue: null,
        newValue: null,
        report,
        unmasked: 1,
      });
    } finally {
      db.close();
    }
  });

  test('the known values are the ones that come out: the ledger’s contact phone, instructors’ and leaders’', async () => {
    expect(leaked(workbookText(await exportReport('ledger', true)))).toContain(KNOWN.enterprise);
    expect(leaked(workbookText(await exportReport('instructors', true)))).toContain(KNOWN.instructor);
    expect(leaked(workbookText(await exportReport('contacts', true)))).toContain(KNOWN.leader);
  });
});
