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

/** Thrown for files we cannot read at all; the message is safe to show to a user, the reason selects its wording. */
export class BadFileError extends Error {
  readonly code = 'bad_file';
  constructor(
    readonly reason: BadFileReason,
    message: string,
    readonly limit?: number,
  ) {
    super(message);
  }
}
