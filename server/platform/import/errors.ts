import type { ErrorDetail } from '../../../common/errors';
import { AppError } from '../errors';

/** Beyond this many, a list of errors no longer helps anyone fix a file, and the response stays small. */
export const MAX_REPORTED_ERRORS = 1000;

const formatCount = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/**
 * Every problem found in one file, by row and column. Checking goes on after the first error, so the user fixes the
 * whole file in one round; `throwIfAny` then refuses the import before anything is written.
 */
export class ImportErrors {
  private readonly details: ErrorDetail[] = [];
  private total = 0;

  /** `column` is the header as written in the file (or the expected header when the column is missing). */
  add(row: number, column: string, message: string): void {
    this.total += 1;
    if (this.details.length < MAX_REPORTED_ERRORS) {
      this.details.push({ path: `row ${row}, column ${column}`, row, column, message });
    }
  }

  /** A problem with the file as a whole (empty, too many rows), not with one cell. */
  addFile(message: string): void {
    this.total += 1;
    if (this.details.length < MAX_REPORTED_ERRORS) {
      this.details.push({ path: 'file', message });
    }
  }

  get count(): number {
    return this.total;
  }

  get hasErrors(): boolean {
    return this.total > 0;
  }

  list(): readonly ErrorDetail[] {
    return this.details;
  }

  toAppError(): AppError {
    const hidden = this.total - this.details.length;
    const more =
      hidden > 0
        ? ` Danh sách chỉ nêu ${formatCount(this.details.length)} lỗi đầu; còn ${formatCount(hidden)} lỗi khác.`
        : '';
    return new AppError('VALIDATION_FAILED', `Tệp có ${formatCount(this.total)} lỗi; chưa ghi dữ liệu nào.${more}`, [
      ...this.details,
    ]);
  }

  throwIfAny(): void {
    if (this.hasErrors) {
      throw this.toAppError();
    }
  }
}

/** A file that cannot be read at all (wrong type, corrupt zip, not UTF-8): one message, nothing else to list. */
export function unreadableFile(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path: 'file', message }]);
}
