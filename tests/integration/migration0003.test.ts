import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { migrateUpTo } from '../support/oldLedger';
import { getEnterprise } from '../../electron/core/db/repos/enterprises';
import { lastUndoable } from '../../electron/core/db/undo';
import { enterpriseHistory } from '../../electron/core/services/history';
import { useTempDir } from './helpers';

const tmp = useTempDir();
let db: Db;

/** A ledger as version 2 of the program left it: typed 党组织名称 / 上级党组织 and one instructor per enterprise. */
function versionTwoLedger(): Db {
  const ledger = openDatabase(join(tmp.dir(), 'old.yqyc'), { create: true });
  tmp.onCleanup(() => ledger.open && ledger.close());
  migrateUpTo(ledger, 2);
  ledger.exec(`
    INSERT INTO ledger_settings (id, township, committee, doc_code, doc_banner, ledger_uid, created_at)
      VALUES (1, '长乐镇', '中共长乐镇委员会', '长委', '中共长乐镇委员会文件', 'uid', '2025-01-01T00:00:00Z');
    INSERT INTO areas (id, name, type) VALUES (1, '长安村', 'village'), (2, '工业园区', 'industrial-park');
    INSERT INTO instructors (id, name, appointed_on) VALUES (1, '王指导', '2024-03-01'), (2, '李指导', NULL);
  `);
  const insert = ledger.prepare(
    `INSERT INTO enterprises (id, name, kind, area_id, org_setting, party_org_name, superior_org_name, instructor_id,
       created_at, updated_at)
     VALUES (?, ?, 'enterprise', ?, ?, ?, ?, ?, '2025-02-03T04:05:06Z', '2025-02-03T04:05:06Z')`,
  );
  const rows: [number, string, number, string, string, string, number | null][] = [
    [1, '甲机械有限公司', 1, 'joint', '长安村企业联合党支部', '长乐镇两新组织党工委', 1],
    [2, '乙纺织有限公司', 1, 'joint', ' 长安村企业联合党支部 ', '长乐镇两新组织党工委', 1],
    [3, '丙电器有限公司', 2, 'standalone', '党支部', '', 2],
    [4, '丁塑料有限公司', 2, 'standalone', '党支部', '', null],
    [5, '戊五金有限公司', 1, 'attached', '', '', null],
    [6, '己食品有限公司', 2, 'joint', '', '', null],
    [7, '庚包装有限公司', 2, 'standalone', '', '长乐镇两新组织党工委', null],
    [8, '辛物流有限公司', 1, 'none', '', '', null],
    [9, '壬化工有限公司', 1, 'attached', '中共长安村委员会', '', null],
    [10, '癸电子有限公司', 2, 'standalone', '中共癸电子有限公司支部委员会', '', null],
    [11, '子建材有限公司', 2, 'standalone', '中共子建材有限公司总支部委员会', '', null],
  ];
  for (const r of rows) insert.run(...r);
  // Steps the clerk took before the upgrade, among them a change of the typed 党组织名称.
  ledger.exec(`
    INSERT INTO change_batches (id, at, actor, action) VALUES
      (1, '2025-01-01T00:00:00Z', '王文书', '新建台账'),
      (2, '2025-02-03T04:05:06Z', '王文书', '修改企业“甲机械有限公司”');
    INSERT INTO change_log (batch_id, entity, entity_id, op, field, old_value, new_value) VALUES
      (1, 'settings', 1, 'insert', NULL, NULL, NULL),
      (2, 'enterprise', 1, 'update', 'partyOrgName', '"长安村党支部"', '"长安村企业联合党支部"');
  `);
  return ledger;
}

const orgOf = (enterpriseId: number) =>
  db
    .prepare(
      `SELECT o.name, o.type, o.host, o.area_id AS areaId, o.note, s.name AS superior
       FROM enterprises e JOIN party_orgs o ON o.id = e.party_org_id LEFT JOIN party_orgs s ON s.id = o.superior_org_id
       WHERE e.id = ?`,
    )
    .get(enterpriseId);

beforeEach(() => {
  db = versionTwoLedger();
  expect(migrate(db)).toBe('migrated');
  // Later migrations run too; what migration 3 made is what these tests read.
  expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
});

describe('migration 3 turns typed organisations into links', () => {
  test('a formal name says the type: 支部委员会 is a branch, 总支部委员会 a general branch, 委员会 a committee', () => {
    expect(orgOf(10)).toMatchObject({ name: '中共癸电子有限公司支部委员会', type: 'branch' });
    expect(orgOf(11)).toMatchObject({ name: '中共子建材有限公司总支部委员会', type: 'general-branch' });
    expect(orgOf(9)).toMatchObject({ name: '中共长安村委员会', type: 'committee', host: 'locality' });
  });

  test('enterprises typing the same 联合 name join one organisation, which reports to the typed superior', () => {
    const joint = {
      name: '长安村企业联合党支部',
      type: 'joint-branch',
      host: 'enterprise',
      superior: '长乐镇两新组织党工委',
    };
    expect(orgOf(1)).toMatchObject(joint);
    expect(orgOf(2)).toMatchObject(joint);
    expect(db.prepare('SELECT party_org_id FROM enterprises WHERE id IN (1, 2)').pluck().all()).toEqual([
      expect.any(Number),
      db.prepare('SELECT party_org_id FROM enterprises WHERE id = 1').pluck().get(),
    ]);
    expect(orgOf(1)).toMatchObject({ note: '' });
    // The typed superior became a 属地 organisation of its own, named once.
    expect(db.prepare("SELECT type, host FROM party_orgs WHERE name = '长乐镇两新组织党工委'").all()).toEqual([
      { type: 'committee', host: 'locality' },
    ]);
  });

  test('two 单独 enterprises that both typed 党支部 get an organisation each, told apart by name', () => {
    expect(orgOf(3)).toMatchObject({ name: '党支部', type: 'branch', host: 'enterprise', note: '' });
    expect(orgOf(4)).toMatchObject({ name: '党支部（丁塑料有限公司）', type: 'branch', host: 'enterprise' });
  });

  test('a setting without a name gets an organisation marked 待核实 after the enterprise or its area', () => {
    const unchecked = '由台账升级自动建立，名称待核实';
    expect(orgOf(5)).toMatchObject({ name: '长安村党组织（待核实）', host: 'locality', areaId: 1, note: unchecked });
    expect(orgOf(6)).toMatchObject({
      name: '己食品有限公司所在联合党支部（待核实）',
      type: 'joint-branch',
      note: unchecked,
    });
    expect(orgOf(7)).toMatchObject({
      name: '庚包装有限公司党支部',
      type: 'branch',
      note: unchecked,
      superior: '长乐镇两新组织党工委',
    });
    expect(orgOf(9)).toMatchObject({ name: '中共长安村委员会', type: 'committee', host: 'locality', note: '' });
    expect(orgOf(8)).toBeUndefined();
  });

  test('组织设置 is unchanged and now agrees with the link; 隶属关系 reads from the organisation', () => {
    expect(db.prepare('SELECT org_setting FROM enterprises ORDER BY id').pluck().all()).toEqual([
      'joint',
      'joint',
      'standalone',
      'standalone',
      'attached',
      'joint',
      'standalone',
      'none',
      'attached',
      'standalone',
      'standalone',
    ]);
    expect(getEnterprise(db, 1)).toMatchObject({
      partyOrgName: '长安村企业联合党支部',
      superiorOrgName: '长乐镇两新组织党工委',
    });
    expect(getEnterprise(db, 9)).toMatchObject({
      partyOrgName: '中共长安村委员会',
      superiorOrgName: '中共长安村委员会',
    });
    expect(getEnterprise(db, 8)).toMatchObject({ partyOrgId: null, partyOrgName: null, superiorOrgName: null });
    expect(
      db.prepare("SELECT count(*) FROM pragma_table_info('enterprises') WHERE name LIKE '%org_name'").pluck().get(),
    ).toBe(0);
  });

  test('each enterprise’s instructor becomes a current assignment from the 派驻日期 (or the enterprise’s creation)', () => {
    expect(
      db
        .prepare(
          'SELECT instructor_id, enterprise_id, started_on, ended_on FROM instructor_assignments ORDER BY enterprise_id',
        )
        .all(),
    ).toEqual([
      { instructor_id: 1, enterprise_id: 1, started_on: '2024-03-01', ended_on: null },
      { instructor_id: 1, enterprise_id: 2, started_on: '2024-03-01', ended_on: null },
      { instructor_id: 2, enterprise_id: 3, started_on: '2025-02-03', ended_on: null },
    ]);
    expect(db.prepare('SELECT name_initials FROM instructors ORDER BY id').pluck().all()).toEqual(['wzd', 'lzd']);
  });

  test('a barrier step closes the past: undo offers nothing from before the upgrade', () => {
    expect(db.prepare('SELECT actor, barrier, action FROM change_batches WHERE barrier = 1').all()).toEqual([
      { actor: '系统', barrier: 1, action: expect.stringContaining('台账结构升级') },
    ]);
    expect(lastUndoable(db)).toBeNull();
  });

  test('the old typed 党组织名称 still reads in the enterprise’s history', () => {
    expect(enterpriseHistory(db, 1)).toEqual([
      expect.objectContaining({
        fieldLabel: '所在党组织名称（旧）',
        oldText: '长安村党支部',
        newText: '长安村企业联合党支部',
      }),
    ]);
  });
});
