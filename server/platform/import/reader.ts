import { columnLetter, headerOf, matchHeader, type ColumnSpec, type HeaderMatch, type RecordOf } from './columns';
import { ImportErrors } from './errors';
import type { ImportSource } from './source';
import { isEmptyCell, readTable } from './table';
import { yieldToEventLoop } from './yield';
import type { CellValue } from './xlsx';

export interface ParsedRow<R> {
  rowNumber: number;
  /** The cells that parsed; a key is absent when its cell had an error (already reported) or its column is missing. */
  values: Partial<R>;
  /** Every column parsed: `values` is then the whole record. */
  record: R | undefined;
}

export interface ReadOptions {
  /** Refuse files longer than this many data rows (the check stops reading there). */
  maxRows?: number;
  /** Called every `progressEvery` rows (default 1,000) with the number of data rows read. */
  onProgress?: (rowsRead: number) => void;
  progressEvery?: number;
}

/**
 * Reads a file against column specs: the first non-empty row is the header, every later row is parsed cell by cell,
 * each problem reported by row and column. Rows stream, so a caller can check 100,000 rows without holding them;
 * a caller that needs them all (cross-row rules) collects them. Nothing stops at the first error — call `finish()`
 * once the caller's own checks are done too.
 *
 * ```ts
 * const reader = new ImportReader(source, COLUMNS);
 * for await (const row of reader.rows()) { if (row.record) { ... } else { ... } }
 * reader.report(row.rowNumber, 'parent_code', 'Không tìm thấy …');
 * reader.finish(); // throws VALIDATION_FAILED listing every error
 * ```
 */
export class ImportReader<C extends readonly ColumnSpec[]> {
  readonly errors = new ImportErrors();
  private header: HeaderMatch | undefined;
  private headerRow = 1;
  private dataRows = 0;

  constructor(
    readonly source: ImportSource,
    private readonly columns: C,
    private readonly options: ReadOptions = {},
  ) {}

  /** Data rows read so far (the header excluded). */
  get rowsRead(): number {
    return this.dataRows;
  }

  /** The header of a column as written in the file (its template header when the file lacks it). */
  columnName(key: C[number]['key']): string {
    const column = this.columns.find((c) => c.key === key);
    return this.header?.nameByKey.get(key) ?? (column ? headerOf(column) : key);
  }

  report(rowNumber: number, key: C[number]['key'], message: string): void {
    this.errors.add(rowNumber, this.columnName(key), message);
  }

  async *rows(): AsyncGenerator<ParsedRow<RecordOf<C>>> {
    const { maxRows, onProgress, progressEvery = 1000 } = this.options;
    const unnamedReported = new Set<number>();
    for await (const row of readTable(this.source)) {
      if (!this.header) {
        this.headerRow = row.rowNumber;
        this.header = matchHeader(row.values, row.rowNumber, this.columns, this.errors);
        continue;
      }
      this.dataRows += 1;
      if (maxRows !== undefined && this.dataRows > maxRows) {
        this.errors.addFile(
          `Tệp có hơn ${new Intl.NumberFormat('vi-VN').format(maxRows)} dòng dữ liệu; hãy chia thành nhiều tệp.`,
        );
        return;
      }
      row.values.forEach((value, index) => {
        const isUnnamed = index >= this.header!.width || this.header!.unnamed.has(index);
        if (isUnnamed && !isEmptyCell(value) && !unnamedReported.has(index)) {
          unnamedReported.add(index);
          this.errors.add(
            row.rowNumber,
            `Cột ${columnLetter(index)}`,
            'Ô có dữ liệu nhưng cột không có tiêu đề; hãy thêm tiêu đề cột hoặc xóa dữ liệu.',
          );
        }
      });
      yield this.parseRow(row.rowNumber, row.values);
      if (this.dataRows % progressEvery === 0) {
        onProgress?.(this.dataRows);
        await yieldToEventLoop();
      }
    }
    if (!this.header) {
      this.errors.addFile('Tệp trống: không có dòng tiêu đề nào.');
    } else if (this.dataRows === 0) {
      this.errors.addFile(`Tệp chỉ có dòng tiêu đề (dòng ${this.headerRow}), không có dòng dữ liệu nào.`);
    }
    onProgress?.(this.dataRows);
  }

  /** Every row, for imports whose rules span rows (duplicates, parents later in the file). */
  async readAll(): Promise<ParsedRow<RecordOf<C>>[]> {
    const all: ParsedRow<RecordOf<C>>[] = [];
    for await (const row of this.rows()) {
      all.push(row);
    }
    return all;
  }

  /** Throws VALIDATION_FAILED ('Tệp có N lỗi; chưa ghi dữ liệu nào.') when anything was reported. */
  finish(): void {
    this.errors.throwIfAny();
  }

  private parseRow(rowNumber: number, cells: CellValue[]): ParsedRow<RecordOf<C>> {
    const header = this.header!;
    const rawOf = (key: string): CellValue => {
      const index = header.indexByKey.get(key);
      return index === undefined ? null : (cells[index] ?? null);
    };
    const context = { rowNumber, raw: rawOf };
    const values: Record<string, unknown> = {};
    let isValid = true;
    for (const column of this.columns) {
      if (column.required && !header.indexByKey.has(column.key)) {
        isValid = false;
        continue;
      }
      const result = column.parse(rawOf(column.key), context);
      if (result.ok) {
        values[column.key] = result.value;
      } else {
        isValid = false;
        this.report(rowNumber, column.key, result.message);
      }
    }
    const typed = values as Partial<RecordOf<C>>;
    return { rowNumber, values: typed, record: isValid ? (values as unknown as RecordOf<C>) : undefined };
  }
}
