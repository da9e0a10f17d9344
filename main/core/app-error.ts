import type { ErrorCode } from '../../shared/errors';

/**
 * An expected failure whose message is fit for the user (the renderer localises it by code; the CLI prints it).
 * Anything else that escapes a handler is an internal error: logged, never shown with its stack.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
