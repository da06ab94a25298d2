import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract, fail, isChannel, ok, validationError } from '../../shared/ipc';
import { ENTERPRISE_PAGE_MAX } from '../../shared/ipc/enterprises';
import { fileRef, ledgerSettingsInput } from '../../shared/ipc/ledgers';

const create = contract['ledgers:create'].request;
const goodSettings = { township: '长乐镇', committee: '中共长乐镇委员会', docCode: '长委' };

function firstError(
  schema: z.ZodType,
  input: unknown,
  labels: Readonly<Record<string, string>> = contract['ledgers:create'].labels,
) {
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  return validationError(parsed.error!, labels);
}

describe('the contract', () => {
  test('every channel has a zod request schema', () => {
    expect(CHANNELS.length).toBeGreaterThanOrEqual(10);
    for (const c of CHANNELS) {
      expect(contract[c].request, c).toBeInstanceOf(z.ZodType);
      expect(typeof contract[c].request.safeParse, c).toBe('function');
    }
  });

  test('channel names are area:verb and CHANNELS lists exactly the contract', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort());
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z][A-Za-z]*:[a-z][A-Za-z]*$/);
    expect(CHANNELS).toContain('ledgers:create');
    expect(CHANNELS).toContain('enterprises:list');
  });

  test('isChannel accepts contract names only, not inherited object keys', () => {
    expect(isChannel('ledgers:create')).toBe(true);
    expect(isChannel('ledgers:delete')).toBe(false);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel(42)).toBe(false);
  });

  test('channels without parameters take an empty object and nothing else', () => {
    const listRecent = contract['ledgers:listRecent'].request;
    expect(listRecent.safeParse({}).success).toBe(true);
    expect(listRecent.safeParse({ path: '/etc/passwd' }).success).toBe(false);
  });
});

describe('ledgers:create', () => {
  test('accepts the usual settings, trims them and leaves the optional ones out', () => {
    const parsed = create.parse({ settings: { ...goodSettings, township: '  长乐镇 ' } });
    expect(parsed).toEqual({ settings: goodSettings });
  });

  test('rejects an empty township with a message naming 乡镇名称', () => {
    const error = firstError(create, { settings: { ...goodSettings, township: '' } });
    expect(error).toEqual({ code: 'VALIDATION', message: '请填写乡镇名称', field: 'settings.township' });
  });

  test('a township of spaces only is empty after trimming', () => {
    expect(firstError(create, { settings: { ...goodSettings, township: '　 ' } }).message).toContain('乡镇名称');
  });

  test.each(['长委〔', '〔2026〕', '长委1', '长【委】', '[长委]'])(
    'rejects docCode %s: no brackets or digits',
    (docCode) => {
      const error = firstError(create, { settings: { ...goodSettings, docCode } });
      expect(error.field).toBe('settings.docCode');
      expect(error.message).toContain('发文机关代字');
      expect(error.message).toContain('长委');
    },
  );

  test('rejects control characters and angle brackets in any text field', () => {
    const error = firstError(create, { settings: { ...goodSettings, committee: '中共<script>委员会' } });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'settings.committee' });
    expect(error.message).toContain('党委全称含有不允许的字符');
  });

  test('rejects an over-long township, naming the limit', () => {
    const error = firstError(create, { settings: { ...goodSettings, township: '长'.repeat(31) } });
    expect(error.message).toBe('乡镇名称不能超过30个字');
  });

  test('rejects a path where a file reference is expected', () => {
    expect(fileRef.safeParse('/home/clerk/长乐镇.yqyc').success).toBe(false);
    const error = firstError(create, { settings: goodSettings, target: '../../etc/passwd' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'target' });
    expect(error.message).toContain('文件引用无效');
  });

  test('ledgerSettingsInput is the same schema the form uses', () => {
    expect(ledgerSettingsInput.safeParse({ ...goodSettings, docBanner: '中共长乐镇委员会文件' }).success).toBe(true);
  });
});

describe('enterprises:list', () => {
  const list = contract['enterprises:list'].request;

  test('fills in defaults', () => {
    expect(list.parse({})).toEqual({ query: {}, offset: 0, limit: 50, sortBy: 'id', sortOrder: 'asc' });
  });

  test.each([
    ['negative offset', { offset: -1 }, 'offset'],
    ['fractional offset', { offset: 1.5 }, 'offset'],
    ['zero limit', { limit: 0 }, 'limit'],
    ['limit above the page maximum', { limit: ENTERPRISE_PAGE_MAX + 1 }, 'limit'],
    ['limit as a string', { limit: '50' }, 'limit'],
    ['unknown sort key', { sortBy: 'uscc; DROP TABLE enterprises' }, 'sortBy'],
    ['unknown sort order', { sortOrder: 'up' }, 'sortOrder'],
  ])('rejects %s, naming the field', (_label, input, field) => {
    const error = firstError(list, input);
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('rejects extra keys', () => {
    const error = firstError(list, { offset: 0, where: '1=1' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('where');
  });
});

describe('validationError()', () => {
  test('returns VALIDATION with the dotted path of the field at fault', () => {
    const error = firstError(create, { settings: { ...goodSettings, committee: '' } });
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe('settings.committee');
    expect(error.message).toBe('请填写党委全称');
  });

  test("puts the field's Chinese label before zod's own generic message, itself in Chinese", () => {
    const error = firstError(create, { settings: { ...goodSettings, committee: 42 } });
    expect(error.field).toBe('settings.committee');
    // Set by shared/zod.ts, which every schema takes zod from: no page or core part has to remember to set it.
    expect(error.message).toBe('党委全称：无效输入：期望 string，实际接收 数字');
  });

  test("names the field by its channel's label", () => {
    const error = firstError(contract['enterprises:get'].request, { id: 0 }, contract['enterprises:get'].labels);
    expect(error.field).toBe('id');
    expect(error.message.startsWith('企业编号：')).toBe(true);
  });

  test('uses the path itself when no label is known', () => {
    const error = firstError(contract['enterprises:get'].request, { id: 0 }, {});
    expect(error.field).toBe('id');
    expect(error.message.startsWith('id：')).toBe(true);
  });

  test('every channel labels each of its top-level request fields in Chinese', () => {
    for (const c of CHANNELS) {
      const shape = (contract[c].request as unknown as z.ZodObject).shape as Record<string, unknown>;
      for (const key of Object.keys(shape)) expect(contract[c].labels[key], `${c}.${key}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('an issue without a path has no field', () => {
    const error = firstError(create, 'not an object');
    expect(error.code).toBe('VALIDATION');
    expect(error).not.toHaveProperty('field');
    expect(error.message.length).toBeGreaterThan(0);
  });

  test('an error without issues still gives a message', () => {
    expect(validationError(new z.ZodError([]))).toEqual({ code: 'VALIDATION', message: '请求内容不正确' });
  });
});

describe('Result helpers', () => {
  test('ok wraps a value; fail carries code, message and only a given field', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail('NOT_FOUND', '找不到')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '找不到' } });
    expect(fail('VALIDATION', '请填写乡镇名称', 'settings.township')).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '请填写乡镇名称', field: 'settings.township' },
    });
  });
});
