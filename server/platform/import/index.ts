export {
  columnLetter,
  defineColumns,
  fail,
  headerOf,
  normaliseHeader,
  ok,
  type ColumnSpec,
  type ParseResult,
  type Parser,
  type RecordOf,
  type RowContext,
} from './columns';
export { ImportErrors, MAX_REPORTED_ERRORS, unreadableFile } from './errors';
export { DATE_HINT, date, enumOf, integer, parseDateText, requiredText, text, yesNo } from './parsers';
export { ImportReader, type ParsedRow, type ReadOptions } from './reader';
export { ACCEPTED_EXTENSIONS, detectFormat, type ImportFormat, type ImportSource } from './source';
export { readTable } from './table';
export { attachmentDisposition, GUIDE_SHEET, writeWorkbook, XLSX_CONTENT_TYPE, type WorkbookOptions } from './workbook';
export type { CellValue, TableRow } from './xlsx';
export { DOCX_CONTENT_TYPE, readUpload, sendDocx, sendXlsx, type XlsxFile } from './http';
export {
  IMPORT_ID_HEADER,
  readImportProgress,
  withImportProgress,
  type ImportPhase,
  type ImportProgress,
  type ImportStatus,
  type ImportTracker,
} from './progress';
export { yieldToEventLoop } from './yield';
