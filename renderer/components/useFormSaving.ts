import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { messageOf, showCoreErrorOnField } from './formErrors';

/**
 * The saving state of a drawer form that sends its values to the core: whether a call is under way (for the buttons
 * and for closing), and the problem shown above the buttons when a failure belongs to no field. `fieldOf` maps the
 * core's name for a field (`input.name`) onto the form's, or says null when the form has no such field.
 */
export function useFormSaving(form: FormInstance, fieldOf: (apiField: string | undefined) => string | null) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // A held-down Ctrl+S or a double click must not save twice; state would update too late to stop the second.
  const inFlight = useRef(false);

  /** One save attempt, checks included, unless one is already running; it starts by clearing the last problem. */
  const attempt = async (steps: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setProblem(null);
    try {
      await steps();
    } finally {
      inFlight.current = false;
    }
  };

  /** The call to the core with `saving` set; a refusal goes beside the field it names, or else above the buttons. */
  const send = async (request: () => Promise<void>) => {
    setSaving(true);
    try {
      await request();
    } catch (e) {
      if (!showCoreErrorOnField(form, e, fieldOf)) setProblem(messageOf(e, '保存失败，请重试'));
    } finally {
      setSaving(false);
    }
  };

  return { saving, problem, setProblem, attempt, send };
}
