import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * A form rule that checks one field with the field's own schema from the shared contract, so a form and the core
 * never disagree. A blank box (undefined or null) is checked as a missing field.
 */
export function schemaRule<Shape extends Record<string, z.ZodType>>(
  schema: { shape: Shape },
  field: keyof Shape,
): FormRule {
  return { validator: async (_rule, value: unknown) => check(schema.shape[field]!, value) };
}

/**
 * schemaRule for a form on the first screen (新建台账 on the start screen): the schema, and zod with it, come with the
 * first check rather than with the page.
 */
export function lazySchemaRule<Shape extends Record<string, z.ZodType>>(
  load: () => Promise<{ shape: Shape }>,
  field: keyof Shape,
): FormRule {
  return { validator: async (_rule, value: unknown) => check((await load()).shape[field]!, value) };
}

function check(schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value ?? undefined);
  if (!result.success) throw new Error(result.error.issues[0]?.message ?? '填写有误');
}
