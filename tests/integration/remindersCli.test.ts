import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { REMINDER_KINDS } from '../../shared/domain/labels';
import type { Reminder } from '../../shared/domain/reminders';
import { CliError } from '../../electron/cli/io';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { inProcessCore } from '../../electron/core/host/inProcessCore';
import { runCommand } from './cliRun';
import { useTempDir, valueOf } from './helpers';

const tmp = useTempDir();
/** The sample is drawn for the day it is made; the command is run on that same day. */
const DAY = new Date(2026, 10, 21, 12);
let ledger: string;

const core = (now: () => Date = () => DAY): CoreClient => {
  const c = inProcessCore({ dataDir: join(tmp.dir(), 'data'), now });
  tmp.onCleanup(() => c.close());
  return c;
};

async function makeSample(now?: () => Date): Promise<void> {
  ledger = join(tmp.dir(), '示例.yqyc');
  const maker = core(now);
  valueOf(
    await maker.invoke('ledgers:createSample', { target: await maker.grant(ledger, 'create'), enterprises: 300 }),
  );
  await maker.close();
}

const run = (c: CoreClient, values: Record<string, string | boolean | undefined>) => runCommand('reminders', c, values);

const batches = () => {
  const db = new Database(ledger, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM change_batches').pluck().get();
  } finally {
    db.close();
  }
};

describe('reminders --json', () => {
  beforeEach(() => makeSample());
  afterEach(() => vi.restoreAllMocks());

  test('prints exactly the objects reminders:list gives the screen, every kind among them', async () => {
    const before = batches();
    const c = core();
    const printed = await run(c, { ledger, json: true });
    const parsed = JSON.parse(printed) as Reminder[];
    expect(printed.endsWith('\n')).toBe(true);
    expect(parsed.length).toBeGreaterThan(4);
    for (const r of parsed) {
      expect(Object.keys(r)).toEqual(['id', 'kind', 'subjectType', 'subjectId', 'subjectName', 'due', 'message']);
      expect(Object.keys(REMINDER_KINDS)).toContain(r.kind);
      expect(['enterprise', 'org', 'member', 'log']).toContain(r.subjectType);
      expect(Number.isInteger(r.subjectId)).toBe(true);
      if (r.due !== null) expect(r.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(new Set(parsed.map((r) => r.kind))).toEqual(new Set(Object.keys(REMINDER_KINDS)));
    // The same core now has the ledger open, read-only: the screen's list is the same list.
    expect(parsed).toEqual(valueOf(await c.invoke('reminders:list', {})));
    expect(valueOf<{ readOnly: boolean }>(await c.invoke('ledgers:current', {})).readOnly).toBe(true);
    expect(batches()).toBe(before);
  });

  test('without --json prints a table in Chinese with a count', async () => {
    const printed = await run(core(), { ledger });
    const lines = printed.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^共 \d+ 条提醒（长乐镇台账）$/);
    expect(lines[0]).toMatch(/^(换届提醒|预备党员转正|剥离单独组建|组织类型调整|工作跟进)\t/);
    expect(printed).toContain('剥离单独组建\t—\t');
  });

  test('a missing or unreadable ledger is refused with a Chinese message', async () => {
    await expect(run(core(), { ledger: join(tmp.dir(), '没有.yqyc'), json: true })).rejects.toThrow(
      new CliError('台账文件不存在，可能已被移动或删除'),
    );
    await expect(run(core(), { json: true })).rejects.toMatchObject({ exitCode: 2 });
  });
});

describe('the command line itself', () => {
  const exec = promisify(execFile);
  const cli = (...args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...process.env, YIQIYICE_DATA_DIR: join(tmp.dir(), 'cli-data') },
    });

  test('prints the JSON on stdout, and exits non-zero with the reason on stderr for a missing ledger', async () => {
    await makeSample(() => new Date());
    const { stdout } = await cli('reminders', '--ledger', ledger, '--json');
    const parsed = JSON.parse(stdout) as Reminder[];
    const c = core(() => new Date());
    valueOf(await c.invoke('ledgers:openFile', { fileRef: await c.grant(ledger, 'open'), readOnly: true }));
    expect(parsed).toEqual(valueOf(await c.invoke('reminders:list', {})));

    const failed = await cli('reminders', '--ledger', join(tmp.dir(), '没有.yqyc'), '--json').then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect(failed!.stderr).toContain('错误：台账文件不存在');
  }, 60_000);
});
