import { AppError, type ErrorCode, type ErrorDetail } from '../errors';

/**
 * The bounds an inventory file must keep before it is read further. Each is far above a real
 * förteckning (a kommun has hundreds to a few thousand systems, a dozen columns) and far below
 * what would hurt a server that also serves everyone else.
 */
export const importLimits = {
  /** The upload itself. */
  fileBytes: 20 * 1024 * 1024,
  /** Data rows per file: a whole kommun's förteckning, and still one bounded transaction. */
  rows: 10_000,
  /** Rows a worksheet may hold at all, blank and formatted ones included. */
  sheetRows: 20_000,
  columns: 100,
  cells: 500_000,
  /** Excel's own limit for the text of one cell. */
  cellChars: 32_767,
  zipEntries: 1_000,
  /** What one zip entry, and all of them together, may inflate to. */
  entryBytes: 25 * 1024 * 1024,
  totalBytes: 40 * 1024 * 1024,
  /** Inflated ÷ compressed: spreadsheet XML packs 5–50 times; a bomb packs a thousand times. */
  ratio: 200,
  /** The reading thread: heap, and wall time before it is stopped. */
  heapMb: 64,
  milliseconds: 10_000,
} as const;

/** Why a file was refused; the import page words each one in Swedish. */
export type RefusalReason =
  | 'not_xlsx'
  | 'zip_size'
  | 'sheet_size'
  | 'too_many_rows'
  | 'text_too_long'
  | 'encoding'
  | 'delimiter_ambiguous'
  | 'csv_syntax'
  | 'no_header'
  | 'too_slow'
  | 'too_much_memory'
  | 'file_too_large'
  | 'busy';

/** The reason travels as the detail's `code`: stable, for the page to word; the message is English. */
export interface RefusalDetail extends ErrorDetail {
  code: RefusalReason;
}

/** A refused file: the error names the file field, the reason (for the page) and what was found (for a person). */
export function refusal(reason: RefusalReason, message: string, found: string, errorCode: ErrorCode = 'validation_failed'): AppError {
  const detail: RefusalDetail = { field: 'file', message: found, code: reason };
  return new AppError(errorCode, message, [detail]);
}

/** A file over the upload limit: said by the streaming reader, and by the body limit when the length is declared. */
export function fileTooLarge(): AppError {
  return refusal('file_too_large', `The file exceeds ${importLimits.fileBytes} bytes`, `more than ${importLimits.fileBytes} bytes`, 'payload_too_large');
}
