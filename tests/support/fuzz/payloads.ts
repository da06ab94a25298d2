import { CHANNELS, contract, type Channel } from '../../../shared/ipc';
import type { Prng } from './prng';
import { enumChoices, requestFields } from './schemaProbe';

/**
 * Broken and malicious payloads for the contract's channels. Every template is a well-shaped request that still
 * cannot change the ledger (ids that do not exist, a year out of range, references never granted), and every
 * mutation keeps that true, so anything the core accepts is a read, and any change to the ledger is a leak.
 */
export interface PayloadInput {
  kind: 'payload';
  label: string;
  channel: string;
  payload: unknown;
}

/** Far above any id the sample ledger has. */
const NO_ID = 987_654;
const NO_REF = 'AAAAAAAAAAAAAAAA';

const first = (channel: Channel, field: string) => enumChoices(requestFields(channel)[field]!)[0] ?? 'x';

/** Well-shaped requests that must come back refused (NOT_FOUND, VALIDATION, …) or, for the reads, harmless. */
function templates(): [string, Record<string, unknown>][] {
  return [
    ['enterprises:get', { id: NO_ID }],
    ['enterprises:history', { id: NO_ID }],
    ['enterprises:delete', { id: NO_ID }],
    ['enterprises:update', { id: NO_ID, input: { name: '不存在的公司' } }],
    ['enterprises:bulkUpdate', { ids: [NO_ID, NO_ID + 1], patch: {} }],
    ['enterprises:list', { query: { search: '公司' }, offset: 0, limit: 10 }],
    ['areas:save', { id: NO_ID, name: '不存在村', type: first('areas:save', 'type') }],
    ['areas:delete', { id: NO_ID }],
    ['zones:save', { id: NO_ID, name: '不存在片区' }],
    ['workGroups:save', { id: NO_ID, name: '不存在组', leaderName: '' }],
    ['members:get', { id: NO_ID }],
    ['members:transfer', { id: NO_ID, toEnterpriseId: NO_ID }],
    ['members:setRoster', { enterpriseId: NO_ID, kept: true }],
    ['partyOrgs:get', { id: NO_ID }],
    ['partyOrgs:delete', { id: NO_ID }],
    ['partyOrgs:list', { search: '支部' }],
    ['attachments:add', { ownerType: 'work-log', ownerId: NO_ID, fileName: '扫描件.png', data: 'iVBORw0KGgo=' }],
    ['attachments:get', { id: NO_ID }],
    ['changes:undo', { batchId: NO_ID }],
    ['changes:redo', { batchId: NO_ID }],
    ['plans:get', { id: NO_ID }],
    ['plans:delete', { id: NO_ID }],
    ['plans:transition', { id: NO_ID, action: first('plans:transition', 'action') }],
    ['documents:get', { id: NO_ID }],
    ['documents:withdraw', { id: NO_ID, reason: '作废' }],
    ['documents:list', { search: '通知' }],
    ['snapshots:delete', { id: NO_ID }],
    ['snapshots:compare', { fromId: NO_ID }],
    ['indicators:move', { id: NO_ID, direction: first('indicators:move', 'direction') }],
    ['year:close', { year: 1999 }],
    ['jobs:progress', { jobId: 'no-such-job-0001' }],
    ['jobs:cancel', { jobId: 'no-such-job-0001' }],
    ['imports:close', { sessionId: NO_REF }],
    ['imports:columns', { sessionId: NO_REF, kind: 'enterprises', sheet: 'Sheet1', header: { start: 1, end: 1 } }],
    ['ledgers:open', { id: '0123456789abcdef' }],
    ['ledgers:openFile', { fileRef: NO_REF }],
    ['ledgers:check', { fileRef: NO_REF }],
    ['backups:restore', { name: '不存在的备份.yqyc' }],
    ['backups:restoreFile', { fileRef: NO_REF }],
    ['templates:open', { fileRef: NO_REF }],
    ['print:chooseBrowser', { path: '/nonexistent/chromium' }],
  ];
}

/** Values that break things: non-numbers as numbers, control characters, SQL, paths, property names. */
const JUNK: readonly unknown[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  1e308,
  Number.MIN_VALUE,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[2J\r\n',
  '\u202e反向文本',
  '\ud800',
  "' OR '1'='1",
  '1); DROP TABLE enterprises; --',
  '" OR ""="',
  '%_\\%',
  'NEAR(公司 支部)',
  '"*" OR *',
  '../../../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\System32\\cmd.exe',
  '\\\\server\\share\\台账.yqyc',
  '<script>alert(1)</script>',
  '${process.exit(1)}',
  "=cmd|' /C calc'!A0",
  '__proto__',
  'constructor',
  '长'.repeat(5000),
  true,
  false,
  null,
  [],
  {},
  [null],
  { id: 1 },
];

/** `{"__proto__":…}` as JSON.parse makes it: an own key, not a prototype (an object literal would set the prototype). */
const pollute = () =>
  JSON.parse('{"__proto__":{"polluted":"是"},"constructor":{"prototype":{"polluted":"是"}}}') as Record<
    string,
    unknown
  >;

function deep(depth: number, asArray: boolean): unknown {
  let v: unknown = '底';
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

const STRATEGIES = ['junk', 'junk', 'reach', 'reach', 'nested', 'proto', 'deep', 'huge', 'whole', 'ids'] as const;

/** Short strings a schema lets through, so they reach the handler and its SQL (bound, never spliced). */
const REACHING_STRINGS = JUNK.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length < 64);
/** Well-formed ids that no record has. */
const MISSING_IDS = [NO_ID, 2 ** 31 - 1, 99_999_999, Number.MAX_SAFE_INTEGER];

export function payloadInput(rand: Prng, index: number): PayloadInput {
  const all = templates();
  const [channel, base] = rand.pick(all);
  const fields = Object.keys(requestFields(channel as Channel));
  const field = rand.pick(fields.length > 0 ? fields : ['unexpected']);
  const strategy = rand.pick(STRATEGIES);
  const payload: Record<string, unknown> = structuredClone(base);
  let label: string;
  switch (strategy) {
    case 'junk': {
      const value = rand.pick(JUNK);
      payload[field] = value;
      label = `${field}=${describe(value)}`;
      break;
    }
    case 'reach': {
      // Every field kept well-shaped, but pointing nowhere or carrying hostile text the schema accepts.
      for (const [k, v] of Object.entries(payload)) {
        if (typeof v === 'number') payload[k] = rand.pick(MISSING_IDS);
        else if (typeof v === 'string' && rand.int(2) === 0) payload[k] = rand.pick(REACHING_STRINGS);
      }
      label = `形状正确：${describe(payload[field])}`;
      break;
    }
    case 'nested': {
      // Inside a nested object (input, query, header, patch) or an added one where none is expected.
      const holder = Object.keys(base).find((k) => typeof base[k] === 'object' && base[k] !== null) ?? field;
      const value = rand.pick(JUNK);
      payload[holder] = {
        ...(payload[holder] as object),
        [rand.pick(['name', 'search', 'start', 'id', '__proto__'])]: value,
      };
      label = `${holder}.*=${describe(value)}`;
      break;
    }
    case 'proto': {
      Object.assign(payload, pollute());
      if (rand.int(2) === 0) payload[field] = pollute();
      label = '__proto__/constructor 键';
      break;
    }
    case 'deep': {
      const depth = 1000 + rand.int(20_000);
      const value = deep(depth, rand.int(2) === 0);
      if (rand.int(2) === 0) payload[field] = value;
      else return { kind: 'payload', label: `#${index} 整体嵌套 ${depth} 层`, channel, payload: value };
      label = `${field} 嵌套 ${depth} 层`;
      break;
    }
    case 'huge': {
      payload[field] = rand.pick(['长', 'a', '\u0000', "'"]).repeat(1024 * 1024);
      label = `${field}=1MB 字符串`;
      break;
    }
    case 'whole': {
      const value = rand.pick([...JUNK, pollute()]);
      return { kind: 'payload', label: `#${index} 整体=${describe(value)}`, channel, payload: value };
    }
    case 'ids': {
      // Numbers out of range wherever the request has an id-like field.
      const idField = fields.find((f) => /id$/i.test(f) || f === 'year') ?? field;
      const value = rand.pick([0, -1, -0, 1.5, 2 ** 31, 2 ** 53 + 2, 1e308, NaN, Infinity, NO_ID * 1000]);
      payload[idField] = value;
      label = `${idField}=${describe(value)}`;
      break;
    }
  }
  return { kind: 'payload', label: `#${index} ${label}`, channel, payload };
}

/** A channel the contract does not have, now and then: refused as UNKNOWN_CHANNEL. */
export function unknownChannelInput(rand: Prng, index: number): PayloadInput {
  const name = rand.pick([
    '__proto__',
    'constructor',
    'toString',
    'ledgers:drop',
    'enterprises:list ',
    '',
    'hasOwnProperty',
  ]);
  return { kind: 'payload', label: `#${index} 未知通道“${name}”`, channel: name, payload: {} };
}

function describe(v: unknown): string {
  if (typeof v === 'string') return v.length > 24 ? `字符串(${v.length})` : JSON.stringify(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? `数组(${v.length})` : `对象{${Object.keys(v).join(',')}}`;
}

/** Every template's channel exists in the contract (a renamed channel must not silently drop out of the fuzz). */
export function templateChannelsMissing(): string[] {
  return templates()
    .map(([c]) => c)
    .filter((c) => !(CHANNELS as string[]).includes(c) || !(c in contract));
}
