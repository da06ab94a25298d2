import type { z } from 'zod';
import { contract, type Channel } from '../../../shared/ipc';

/**
 * Reads a channel's zod request schema (zod 4's `_zod.def`) to derive payloads that must be refused, so a channel
 * added to the contract is probed without anyone writing a case for it.
 */
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  shape?: Record<string, z.ZodType>;
}

const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The schema's own kind under optional/default/nullable wrappers and on the input side of pipes. */
export function baseKind(schema: z.ZodType): string {
  const d = def(schema);
  if (WRAPPERS.has(d.type) && d.innerType) return baseKind(d.innerType);
  if (d.type === 'pipe' && d.in) return baseKind(d.in);
  return d.type;
}

/** The top-level fields of a channel's request (every request is a strict object; see the malformed-payload test). */
export function requestFields(channel: Channel): Record<string, z.ZodType> {
  const schema = contract[channel].request as unknown as { shape?: Record<string, z.ZodType> };
  return schema.shape ?? {};
}

export function isStrictObject(channel: Channel): boolean {
  const d = def(contract[channel].request as z.ZodType) as Def & { catchall?: z.ZodType };
  return d.type === 'object' && d.catchall !== undefined && def(d.catchall).type === 'never';
}

/** The choices of an enum field, for building valid-shaped payloads. */
export function enumChoices(schema: z.ZodType): string[] {
  const d = def(schema);
  if (WRAPPERS.has(d.type) && d.innerType) return enumChoices(d.innerType);
  if (d.type === 'pipe' && d.in) return enumChoices(d.in);
  return d.type === 'enum' && d.entries ? Object.values(d.entries).map(String) : [];
}

/** A value of the wrong kind for each kind of field: string→number, number→string, and so on. */
const SWAP: Record<string, unknown> = {
  string: 12345,
  number: '12345',
  int: '12345',
  bigint: '12345',
  boolean: 'true',
  enum: 12345,
  literal: 12345,
  array: '列表',
  object: '对象',
  record: '对象',
  date: 12345,
  union: { unexpected: true },
};
const FALLBACKS: unknown[] = [12345, '12345', true, [], { unexpected: true }, -1.5];

/**
 * A wrongly typed value for one field: its kind's swap when the field refuses it, else the first fallback it
 * refuses. Null when the field accepts everything tried (the caller reports such a field).
 */
export function wrongValueFor(field: z.ZodType): { value: unknown } | null {
  const swap = SWAP[baseKind(field)];
  for (const candidate of swap === undefined ? FALLBACKS : [swap, ...FALLBACKS]) {
    if (!field.safeParse(candidate).success) return { value: candidate };
  }
  return null;
}

export interface MalformedCase {
  label: string;
  payload: unknown;
}

/**
 * The payloads every channel must refuse with VALIDATION: not an object (null, a number, an array, a string), an
 * unknown extra key, and per top-level field one value of the wrong kind. `unprobed` names fields no wrong value
 * was found for.
 */
export function malformedPayloads(channel: Channel): { cases: MalformedCase[]; unprobed: string[] } {
  const cases: MalformedCase[] = [
    { label: 'null', payload: null },
    { label: '数字', payload: 42 },
    { label: '数组', payload: [] },
    { label: '字符串', payload: 'payload' },
    { label: '多余的键', payload: { unexpectedKey: 1 } },
  ];
  const unprobed: string[] = [];
  for (const [name, field] of Object.entries(requestFields(channel))) {
    const wrong = wrongValueFor(field);
    if (wrong)
      cases.push({ label: `${name}:${baseKind(field)}→${typeof wrong.value}`, payload: { [name]: wrong.value } });
    else unprobed.push(name);
  }
  return { cases, unprobed };
}
