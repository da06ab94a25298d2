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
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.shape[field]!.safeParse(value ?? undefined);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '填写有误');
    },
  };
}
