import { ApiError, apiUrl, type QueryValue } from '../../api/client';

/** The header naming an import's progress on the server (server/platform/import/progress.ts). */
export const IMPORT_ID_HEADER = 'x-import-id';

/** A fresh id for one import; randomUUID needs a secure context, which a LAN address over http is not. */
export function newImportId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * Uploads a file (multipart field `file`) through XMLHttpRequest, which unlike fetch reports how much has been sent;
 * the server's answer or error comes back as the API client's (ApiError with the row/column details).
 */
export function uploadImport<T>(
  path: string,
  file: File,
  options: { query?: Record<string, QueryValue>; importId: string; onSent: (share: number) => void },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', apiUrl(path, options.query));
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader(IMPORT_ID_HEADER, options.importId);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        options.onSent(event.loaded / event.total);
      }
    };
    request.upload.onload = () => options.onSent(1);
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body as T);
        return;
      }
      const error = body as { code?: string; message?: string; details?: []; requestId?: string } | undefined;
      reject(
        new ApiError(
          request.status,
          (error?.code as ApiError['code']) ?? 'INTERNAL',
          error?.message ?? 'Lỗi hệ thống. Vui lòng thử lại.',
          error?.details ?? [],
          error?.requestId,
        ),
      );
    };
    request.onerror = () =>
      reject(new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
