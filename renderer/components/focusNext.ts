const FOCUSABLE = 'input, textarea, select, button, [tabindex]';

function canFocus(el: HTMLElement): boolean {
  if (el.tabIndex < 0 || el.matches(':disabled, [type="hidden"], [aria-hidden="true"]')) return false;
  return el.getClientRects().length > 0;
}

/**
 * Moves focus to the next focusable element after `from` inside `container`, in document order — what Tab would do
 * for the plain controls of a form. `control` names the wrapper of a compound control (a date picker with its clear
 * button, say): what else sits in `from`'s wrapper is passed over. Returns false when `from` is the last one.
 */
export function focusNext(from: HTMLElement, container: HTMLElement, control?: string): boolean {
  const own = (control && from.closest<HTMLElement>(control)) || from;
  const next = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).find(
    (el) => own.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !own.contains(el) && canFocus(el),
  );
  if (!next) return false;
  next.focus();
  return true;
}
