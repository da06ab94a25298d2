import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** What a failed call says to the clerk: the core's own Chinese message, or `fallback` rather than a stack. */
export function messageOf(e: unknown, fallback: string): string {
  return e instanceof ApiError ? e.message : fallback;
}

const INTO_VIEW = { block: 'center', focus: true } as const;

/** Puts `text` beside `field` and brings the field into view with the cursor in it, so the fix is one keystroke away. */
export function showFieldError(form: FormInstance, field: string, text: string): void {
  form.setFields([{ name: field, errors: [text] }]);
  form.scrollToField(field, INTO_VIEW);
}

/**
 * Shows the core's refusal beside the field it names, when this form has that field (`fieldOf` maps the core's
 * path, such as `input.name`, onto the form's own name, or says null). Returns whether it did, so that the caller
 * shows any other failure as a problem of the whole form instead.
 */
export function showCoreErrorOnField(
  form: FormInstance,
  e: unknown,
  fieldOf: (apiField: string | undefined) => string | null,
): boolean {
  const field = e instanceof ApiError ? fieldOf(e.field) : null;
  if (!field) return false;
  showFieldError(form, field, (e as ApiError).message);
  return true;
}

/**
 * Runs the form's own rules: the values when they pass, else null. A failing rule has already put its message beside
 * its field; the first such field is brought into view with the cursor in it, as a long form may have scrolled it
 * out of sight.
 */
export async function validateOrFocusFirstError<V>(form: FormInstance<V>): Promise<V | null> {
  try {
    return await form.validateFields();
  } catch (e) {
    const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name;
    if (first) form.scrollToField(first, INTO_VIEW);
    return null;
  }
}
