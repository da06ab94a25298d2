import { useContext } from 'react';
import { PasswordRetryContext, type WithPassword } from './PasswordPrompt';

/**
 * `withPassword(attempt)`: runs `attempt()`; when the core answers PASSWORD (an encrypted ledger or backup), asks
 * for the password (or recovery key) and runs `attempt(password)` until it opens or the clerk cancels (→ null).
 * Any other refusal is thrown as it came.
 */
export function usePasswordRetry(): WithPassword {
  const withPassword = useContext(PasswordRetryContext);
  if (!withPassword) throw new Error('usePasswordRetry needs a PasswordPromptProvider around the app');
  return withPassword;
}
