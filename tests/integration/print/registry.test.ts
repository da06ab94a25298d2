import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeEach, describe, expect, test } from 'vitest';
import type { GongwenContent } from '../../../shared/documents/model';
import type { DocumentDetail, NextNumber, RegisterEntry } from '../../../shared/ipc/documents';
import type { ExportDone } from '../../../shared/ipc/exports';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { migrate } from '../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import type { CoreClient } from '../../../electron/core/host/coreClient';
import { inProcessCore } from '../../../electron/core/host/inProcessCore';
import { createDraft, saveDraft } from '../../../electron/core/services/documents/documents';
import { issueDocument } from '../../../electron/core/services/documents/issue';
import { documentIdByNumber, printableDocument } from '../../../electron/core/services/documents/printable';
import { migrateUpTo } from '../../support/oldLedger';
import { count, FIXED_NOW, steppingWriter, useTempDir, valueOf } from '../helpers';

/**
 * The 发文登记: numbers per 代字 and year, never reused, gaps shown; issuing atomic; no duplicate under concurrent
 * issues, in one program or two on the same file. A real ledger file driven through the core as the screen does.
 */
const tmp = useTempDir();
let core: CoreClient;
let ledgerPath = '';

beforeEach(async () => {
  core = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now: () => FIXED_NOW, actor: '王文书' });
  tmp.onCleanup(() => core.close());
  ledgerPath = join(tmp.dir(), '长乐镇.yqyc');
  valueOf(
    await core.invoke('ledgers:create', {
      settings: { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' },
      target: await core.grant(ledgerPath, 'create'),
    }),
  );
});

const call = async <T>(channel: string, payload: unknown = {}) => valueOf<T>(await core.invoke(channel, payload));

async function errorOf(channel: string, payload: unknown): Promise<AppErrorShape> {
  const result = await core.invoke(channel, payload);
  expect(result.ok, `${channel} should fail`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error as AppErrorShape;
}

/** A 通知 ready to issue: the blank draft from the settings, given a title, 主送 and body. */
async function readyDraft(title: string, more: Partial<GongwenContent> = {}): Promise<DocumentDetail> {
  const draft = await call<DocumentDetail>('documents:draft', { source: 'blank' });
  const content = { ...draft.content, title, addressees: '各村党组织', body: '现将有关事项通知如下。', ...more };
  return call<DocumentDetail>('documents:save', { id: draft.id, content });
}

const issue = (id: number, seq?: number) =>
  call<DocumentDetail>('documents:issue', seq === undefined ? { id } : { id, seq });
const register = (year = 2026) => call<RegisterEntry[]>('documents:register', { year });
const states = (entries: RegisterEntry[]) => entries.map((e) => `${e.number} ${e.state}`);

/** A second connection to the ledger file, as another program would open it. */
function fileDb(): Db {
  const db = openDatabase(ledgerPath);
  tmp.onCleanup(() => db.close());
  return db;
}

describe('numbering', () => {
  test('numbers run 1, 2, 3 for the 代字 and the 成文日期 year; the next one is proposed', async () => {
    expect(await call<NextNumber>('documents:nextNumber', { year: 2026 })).toEqual({
      code: '长委',
      year: 2026,
      seq: 1,
      number: '长委〔2026〕1号',
    });
    const numbers: (string | null)[] = [];
    for (const t of ['第一份通知', '第二份通知', '第三份通知'])
      numbers.push((await issue((await readyDraft(t)).id)).number);
    expect(numbers).toEqual(['长委〔2026〕1号', '长委〔2026〕2号', '长委〔2026〕3号']);
    const older = await readyDraft('去年的通知', { date: '2025-12-30', printedOn: '2025-12-31' });
    expect((await issue(older.id)).number).toBe('长委〔2025〕1号');
    expect((await call<NextNumber>('documents:nextNumber', { year: 2026 })).number).toBe('长委〔2026〕4号');
    expect(states(await register())).toEqual([
      '长委〔2026〕1号 issued',
      '长委〔2026〕2号 issued',
      '长委〔2026〕3号 issued',
    ]);
    const [first] = await register();
    expect(first).toMatchObject({ title: '第一份通知', kind: 'notice', date: '2026-11-21', actor: '王文书' });
  });

  test('a sequence the clerk chooses is used when free; the skipped ones show as gaps; a taken one is refused', async () => {
    const a = await readyDraft('补号通知');
    expect((await issue(a.id, 3)).number).toBe('长委〔2026〕3号');
    expect(states(await register())).toEqual(['长委〔2026〕1号 gap', '长委〔2026〕2号 gap', '长委〔2026〕3号 issued']);
    const b = await readyDraft('另一份通知');
    const error = await errorOf('documents:issue', { id: b.id, seq: 3 });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'seq' });
    expect(error.message).toContain('长委〔2026〕3号已被使用');
    expect((await call<DocumentDetail>('documents:get', { id: b.id })).status).toBe('draft');
    // Filling a gap is allowed; the next proposed number stays past the highest.
    expect((await issue(b.id, 1)).number).toBe('长委〔2026〕1号');
    expect((await call<NextNumber>('documents:nextNumber', { year: 2026 })).seq).toBe(4);
  });

  test('a withdrawn number stays taken and is never given again', async () => {
    const a = await readyDraft('要撤回的通知');
    await issue(a.id);
    const withdrawn = await call<DocumentDetail>('documents:withdraw', { id: a.id, reason: '内容有误，重新发文' });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      number: '长委〔2026〕1号',
      withdrawReason: '内容有误，重新发文',
    });
    const b = await readyDraft('重新发的通知');
    expect((await issue(b.id)).number).toBe('长委〔2026〕2号');
    expect((await errorOf('documents:issue', { id: (await readyDraft('再一份')).id, seq: 1 })).message).toContain(
      '长委〔2026〕1号已被使用',
    );
    const entries = await register();
    expect(entries[0]).toMatchObject({
      state: 'withdrawn',
      withdrawReason: '内容有误，重新发文',
      title: '要撤回的通知',
    });
    expect(entries[1]!.state).toBe('issued');
  });

  test('撤销 of an issue puts the draft back but keeps its number taken (作废); 重做 gives the same number back', async () => {
    const a = await readyDraft('误发的通知');
    await issue(a.id);
    const step = await call<{ batchId: number; action: string }>('changes:lastUndoable');
    expect(step.action).toBe('发文长委〔2026〕1号“误发的通知”');
    await call('changes:undo', { batchId: step.batchId });
    expect(await call<DocumentDetail>('documents:get', { id: a.id })).toMatchObject({ status: 'draft', number: null });
    const [voided] = await register();
    expect(voided).toMatchObject({ state: 'withdrawn', documentId: a.id });
    expect(voided!.withdrawReason).toContain('作废');
    expect((await call<NextNumber>('documents:nextNumber', { year: 2026 })).seq).toBe(2);
    const redo = await call<{ batchId: number }>('changes:lastRedoable');
    await call('changes:redo', { batchId: redo.batchId });
    expect((await call<DocumentDetail>('documents:get', { id: a.id })).number).toBe('长委〔2026〕1号');
    expect(states(await register())).toEqual(['长委〔2026〕1号 issued']);
  });
});

describe('atomic issue', () => {
  test('when the step after taking the number fails, no number is taken and the document stays a draft', async () => {
    const enterprise = await call<{ id: number }>('areas:save', { name: '长安村', type: 'village' }).then((area) =>
      call<{ id: number }>('enterprises:create', { input: { name: '嵊州市鑫达机械有限公司', areaId: area.id } }),
    );
    await call('partyOrgs:save', {
      input: { name: '嵊州市鑫达机械有限公司党支部', type: 'branch' },
      enterpriseIds: [enterprise.id],
    });
    const draft = await call<DocumentDetail>('documents:draft', { source: 'approval', enterpriseId: enterprise.id });
    // Another program's trigger makes recording the 批复 on the formation steps fail inside the issue.
    const other = fileDb();
    other.exec(
      `CREATE TRIGGER refuse_steps BEFORE INSERT ON formation_steps BEGIN SELECT RAISE(ABORT, '测试：拒绝写入'); END`,
    );
    const batchesBefore = count(other, 'change_batches');
    const error = await errorOf('documents:issue', { id: draft.id });
    expect(error.code).not.toBe('OK');
    expect(count(other, 'doc_numbers')).toBe(0);
    expect(count(other, 'change_batches')).toBe(batchesBefore);
    expect(await call<DocumentDetail>('documents:get', { id: draft.id })).toMatchObject({
      status: 'draft',
      number: null,
    });
    expect(await register()).toEqual([]);
    other.exec('DROP TRIGGER refuse_steps');
    expect((await issue(draft.id)).number).toBe('长委〔2026〕1号');
  });

  test('a refused issue (empty 主送, no date, a title over 60 characters) names the field and takes nothing', async () => {
    const cases: [Partial<GongwenContent>, string, string][] = [
      [{ addressees: '' }, 'addressees', '主送机关'],
      [{ date: '' }, 'date', '成文日期'],
      [{ title: '关于'.repeat(31) }, 'title', '60'],
    ];
    for (const [change, field, words] of cases) {
      const draft = await readyDraft('关于做好年底党建工作的通知', change);
      const error = await errorOf('documents:issue', { id: draft.id });
      expect(error).toMatchObject({ code: 'VALIDATION', field });
      expect(error.message).toContain(words);
    }
    expect(await register()).toEqual([]);
    expect((await call<NextNumber>('documents:nextNumber', { year: 2026 })).seq).toBe(1);
  });
});

describe('concurrency', () => {
  test('many issues at once through the core never share a number', async () => {
    const drafts = await Promise.all(Array.from({ length: 24 }, (_, i) => readyDraft(`并发通知${i + 1}`)));
    const issued = await Promise.all(drafts.map((d) => issue(d.id)));
    const numbers = issued.map((d) => d.number);
    expect(new Set(numbers).size).toBe(24);
    expect([...numbers].sort()).toEqual(Array.from({ length: 24 }, (_, i) => `长委〔2026〕${i + 1}号`).sort());
    expect(states(await register()).every((s) => s.endsWith('issued'))).toBe(true);
  });

  test('two programs on one ledger file issuing in turn take consecutive numbers, never the same', async () => {
    const ids = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => (await readyDraft(`两处发文${i + 1}`)).id),
    );
    await core.close();
    const a = fileDb();
    const b = fileDb();
    const writerA = steppingWriter();
    const writerB = { ...steppingWriter(), actor: '李文书' };
    const numbers = ids.map((id, i) => issueDocument(i % 2 === 0 ? a : b, i % 2 === 0 ? writerA : writerB, id).number);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `长委〔2026〕${i + 1}号`));
    const rows = a.prepare('SELECT seq, actor FROM doc_numbers ORDER BY seq').all() as { seq: number; actor: string }[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[1]!.actor).toBe('李文书');
    // A number taken by the other connection meanwhile is seen before choosing: B asks for A's last one.
    const late = createDraft(
      b,
      writerB,
      { source: 'blank', enterpriseId: null, campaignId: null, areaId: null },
      '2026-11-21',
    );
    saveDraft(b, writerB, late.id, { ...late.content, title: '迟到的通知', addressees: '各村', body: '正文。' });
    expect(() => issueDocument(b, writerB, late.id, 9)).toThrow('长委〔2026〕9号已被使用');
    expect(issueDocument(a, writerA, late.id).number).toBe('长委〔2026〕11号');
  });
});

describe('register workbook and lookups', () => {
  test('the 发文登记簿 exports to Excel with every number, gaps and withdrawals', async () => {
    await issue((await readyDraft('关于开展集中攻坚月的通知')).id);
    await issue((await readyDraft('关于选派指导员的通知')).id, 3);
    const withdrawn = await readyDraft('关于召开会议的通知');
    await issue(withdrawn.id);
    await call('documents:withdraw', { id: withdrawn.id, reason: '会议延期' });
    const path = join(tmp.dir(), '发文登记簿.xlsx');
    const done = await call<ExportDone>('documents:exportRegister', {
      year: 2026,
      target: await core.grant(path, 'export'),
    });
    expect(done.rows).toBe(4);
    expect(done.fileName).toContain('发文登记簿');
    const book = XLSX.read(readFileSync(path));
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' });
    const text = rows.map((r) => r.join('|'));
    expect(text.some((r) => r.includes('发文登记簿'))).toBe(true);
    const body = rows.filter((r) => /^长委〔2026〕\d+号$/.test(String(r[0])));
    expect(body.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['长委〔2026〕1号', '已发文', '关于开展集中攻坚月的通知'],
      ['长委〔2026〕2号', '空号', ''],
      ['长委〔2026〕3号', '已发文', '关于选派指导员的通知'],
      ['长委〔2026〕4号', '已撤回', '关于召开会议的通知'],
    ]);
    expect(body[3]!.join('|')).toContain('会议延期');
  });

  test('a document is found by its number as a clerk types it, and prints with it', async () => {
    const draft = await readyDraft('关于做好年底党建工作的通知');
    await issue(draft.id);
    const db = fileDb();
    for (const typed of ['长委〔2026〕1号', '长委[2026]1号', '长委【2026】第01号']) {
      expect(documentIdByNumber(db, typed)).toBe(draft.id);
    }
    expect(printableDocument(db, draft.id)).toMatchObject({
      number: '长委〔2026〕1号',
      title: '关于做好年底党建工作的通知',
    });
    expect(() => documentIdByNumber(db, '长委〔2026〕9号')).toThrow('没有发文字号为长委〔2026〕9号的公文');
    expect(() => documentIdByNumber(db, '九号文')).toThrow('不是发文字号');
    expect(() => printableDocument(db, 999)).toThrow('找不到编号为 999 的公文');
  });
});

describe('upgrade', () => {
  test('a ledger of schema 7 upgrades with its data intact, the registry empty and 印发机关 blank', () => {
    const path = join(tmp.dir(), '旧台账.yqyc');
    const raw = new Database(path);
    raw.pragma('journal_mode = wal');
    migrateUpTo(raw, 7);
    raw.exec(`INSERT INTO ledger_settings (id, township, committee, doc_code, doc_banner, ledger_uid, created_at)
              VALUES (1, '长乐镇', '中共长乐镇委员会', '长委', '中共长乐镇委员会文件', 'uid-1', '2026-01-01T00:00:00Z');
              INSERT INTO areas (id, name, type) VALUES (1, '长安村', 'village');
              INSERT INTO campaigns (id, name, start_on, end_on) VALUES (1, '集中攻坚月', '2026-08-01', '2026-08-31');`);
    raw.close();
    const db = openDatabase(path);
    tmp.onCleanup(() => db.close());
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT township, doc_code, doc_printed_by FROM ledger_settings').get()).toEqual({
      township: '长乐镇',
      doc_code: '长委',
      doc_printed_by: '',
    });
    expect(db.prepare('SELECT name FROM areas').pluck().all()).toEqual(['长安村']);
    expect(db.prepare('SELECT name FROM campaigns').pluck().all()).toEqual(['集中攻坚月']);
    expect(count(db, 'documents')).toBe(0);
    expect(count(db, 'doc_numbers')).toBe(0);
    const draft = createDraft(db, steppingWriter(), { source: 'campaign-notice' }, '2026-11-21');
    expect(draft.content.printedBy).toBe('中共长乐镇委员会办公室');
    expect(draft.campaignId).toBe(1);
  });
});
