import { z } from '../zod';
import type { AppErrorShape } from './result';

/** Turns the first schema issue into a message naming the field (by its Chinese label when known). */
export function validationError(error: z.ZodError, labels: Readonly<Record<string, string>> = {}): AppErrorShape {
  const issue = error.issues[0];
  if (!issue) return { code: 'VALIDATION', message: '请求内容不正确' };
  const field = issue.path.map(String).join('.');
  const leaf = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : '';
  const label = labels[field] ?? labels[leaf] ?? nearestLabel(issue.path.map(String), labels);
  // Messages written in the schemas already name their field; zod's own generic ones get the label in front.
  const message =
    issue.message.includes(label ?? '\u0000') || !field ? issue.message : `${label ?? field}：${issue.message}`;
  return field ? { code: 'VALIDATION', message, field } : { code: 'VALIDATION', message };
}

/** An item of a list (input.denominator.0) is named by the list it is in (分母条件). */
function nearestLabel(path: string[], labels: Readonly<Record<string, string>>): string | undefined {
  for (let end = path.length - 1; end > 0; end--) {
    const found = labels[path.slice(0, end).join('.')] ?? labels[path[end - 1]!];
    if (found) return found;
  }
  return undefined;
}
