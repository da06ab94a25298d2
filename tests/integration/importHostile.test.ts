import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ImportReport } from '../../shared/ipc/imports';
import * as hostile from '../fixtures/excel/hostile';
import { writeMessyLedger } from '../fixtures/excel/messyLedger';
import { useImportLedger } from './importSetup';

/**
 * Hostile and broken files through the import as the screen drives it: each is refused with a Chinese reason a
 * clerk can act on, or read correctly — and the ledger is exactly as before (no enterprise, no change batch).
 */
const t = useImportLedger();

/** What the ledger holds, as counts of the tables an import could touch. */
function ledgerState() {
  return t.readFile((db) =>
    ['enterprises', 'areas', 'party_orgs', 'party_members', 'change_batches', 'import_mappings'].map(
      (table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    ),
  );
}

async function refused(path: string, reason: RegExp): Promise<void> {
  const before = await ledgerState();
  const error = await t.errorOf('imports:open', { fileRef: await t.core().grant(path, 'import') });
  expect(error.code).toBe('BAD_FILE');
  expect(error.message).toMatch(reason);
  expect(error.message).not.toMatch(/Error|at |\.js/);
  expect(await ledgerState()).toEqual(before);
}

describe('hostile files at the import', () => {
  const file = (name: string) => join(t.dir(), name);

  test('a declared zip bomb is refused before anything is unzipped', async () => {
    await hostile.writeDeclaredZipBomb(file('bomb.xlsx'));
    await refused(file('bomb.xlsx'), /解压后过大/);
  });

  test('malformed XML, a cut-off file, an encrypted workbook, a renamed text file and an empty file', async () => {
    await hostile.writeMalformedXml(file('bad-xml.xlsx'));
    await refused(file('bad-xml.xlsx'), /文件已损坏/);
    await writeMessyLedger(file('whole.xlsx'));
    hostile.writeTruncated(file('whole.xlsx'), file('cut.xlsx'));
    await refused(file('cut.xlsx'), /文件已损坏/);
    hostile.writeEncryptedXlsx(file('locked.xlsx'));
    await refused(file('locked.xlsx'), /密码/);
    hostile.writeTextAsXlsx(file('text.xlsx'));
    await refused(file('text.xlsx'), /纯文本/);
    hostile.writeEmpty(file('empty.xlsx'));
    await refused(file('empty.xlsx'), /空的/);
  });

  test('1,000,000 empty styled rows under two enterprises: only those two rows are read', async () => {
    await hostile.writeEmptyStyledRows(file('styled.xlsx'));
    const before = await ledgerState();
    const report = await t.commit(file('styled.xlsx'));
    // The sheet has no 所在区域 column, so both rows are refused — and no third row was ever seen.
    expect(report.added).toBe(0);
    expect(report.rejected.map((r) => r.row)).toEqual([2, 3]);
    expect(report.rejected.every((r) => /所在区域/.test(r.reason))).toBe(true);
    expect((await ledgerState())[0]).toBe(before[0]);
  });

  test('__proto__ and constructor as sheet and column names are ordinary names', async () => {
    await hostile.writePrototypeNames(file('proto.xlsx'));
    const opened = await t.open(file('proto.xlsx'));
    expect(opened.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor']);
    const report = await t.call<ImportReport>('imports:commit', {
      ...(await t.plan(file('proto.xlsx'), { sheet: 'constructor', header: { start: 1, end: 1 } })).request,
      addAreas: [],
    });
    // 乙公司 has no area column: rejected with the reason, and nothing leaked onto Object.prototype.
    expect(report.added).toBe(0);
    expect(report.rejected[0]?.reason).toMatch(/所在区域/);
    expect(({} as Record<string, unknown>).valueOf).toBe(Object.prototype.valueOf);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, '乙公司')).toBe(false);
  });
});
