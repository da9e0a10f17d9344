import { AppError } from '../core/app-error';

/** Why a file could not be imported: the renderer words each reason in the user's language. */
export type BadFileReason =
  | 'unsupported_type'
  | 'old_xls'
  | 'damaged_file'
  | 'no_sheet'
  | 'no_rows'
  | 'file_too_large'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'too_many_cells'
  | 'parse_timeout';

/** A file we cannot read at all: the message is safe to show to a user, the reason (in details) selects its wording. */
export class BadFileError extends AppError {
  constructor(
    readonly reason: BadFileReason,
    message: string,
    readonly limit?: number,
  ) {
    super('bad_file', message, { reason, limit });
  }
}
