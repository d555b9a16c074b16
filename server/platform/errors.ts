import { ERROR_STATUS, type ErrorCode, type ErrorDetail } from '../../common/errors';

/** The one error type services throw; the HTTP layer turns it into `{ code, message, details?, requestId }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what = 'Bản ghi'): AppError {
  return new AppError('NOT_FOUND', `${what} không tồn tại hoặc bạn không có quyền xem.`);
}

export function forbidden(message = 'Bạn không có quyền thực hiện thao tác này.'): AppError {
  return new AppError('FORBIDDEN', message);
}

export function validationFailed(message: string, details?: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', message, details);
}

/** A record changed since the caller read it (optimistic concurrency on `version`). */
export function conflict(message: string, details?: ErrorDetail[]): AppError {
  return new AppError('CONFLICT', message, details);
}
