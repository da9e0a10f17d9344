import { AppError } from '../core/app-error';
import { EXIT } from './args';
import type { CliIo } from './args';

const EXIT_FOR: Partial<Record<string, number>> = {
  flag_off: EXIT.usage,
  not_configured: EXIT.usage,
  validation: EXIT.usage,
  signed_out: EXIT.signedOut,
  conflict: EXIT.conflict,
  not_found: EXIT.notFound,
};

/** The commands of a remote feature: an AppError is one line on stderr and its own exit code, never a stack. */
export async function withAppErrors(
  command: string,
  io: CliIo,
  fn: () => Promise<number>,
  hint: Partial<Record<string, string>> = {},
): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const extra = hint[err.code];
    io.err(`hunter ${command}: ${err.message}${extra ? ` ${extra}` : ''}`);
    return EXIT_FOR[err.code] ?? EXIT.error;
  }
}
