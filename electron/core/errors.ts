import type { ErrorCode } from '../../shared/ipc/result';

/** An error meant for the clerk: its message is Chinese and says what to do. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
