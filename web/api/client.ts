import type { ErrorCode, ErrorDetail } from '../../common/errors';

/** Codes the client itself produces when the server gave no error body. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** An error answered by the API (`{ code, message, details?, requestId }`), or a network failure. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(status: number, code: ClientErrorCode, message: string, details: ErrorDetail[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export const API_PREFIX = '/api/v1';

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `/api/v1/<path>?a=b`, leaving out empty values. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return `${API_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

const FALLBACK_MESSAGES: Partial<Record<number, string>> = {
  401: 'Bạn cần đăng nhập.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy.',
  429: 'Quá nhiều yêu cầu, vui lòng thử lại sau.',
};

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

function isErrorBody(
  value: unknown,
): value is { code: ErrorCode; message: string; details?: ErrorDetail[]; requestId?: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.code, body.message, body.details ?? [], body.requestId);
  }
  return new ApiError(
    response.status,
    STATUS_CODES[response.status] ?? 'INTERNAL',
    FALLBACK_MESSAGES[response.status] ?? 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.',
  );
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data (file uploads). */
  form?: FormData;
  signal?: AbortSignal;
}

/** One call to the API: JSON in and out, the session cookie, errors thrown as ApiError. */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (!response.ok) {
    throw await toApiError(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Record<string, QueryValue>) =>
    apiRequest<T>('POST', path, { body: body ?? {}, query }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
  upload: <T>(path: string, form: FormData, query?: Record<string, QueryValue>) =>
    apiRequest<T>('POST', path, { form, query }),
};
