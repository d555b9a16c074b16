import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from './harness';

/** A multipart/form-data body with one file part, built by hand (no form-data package). */
export function multipartFile(
  fileName: string,
  data: Buffer | string,
  options: { field?: string; contentType?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----lantoa-${crypto.randomBytes(8).toString('hex')}`;
  const field = options.field ?? 'file';
  const contentType = options.contentType ?? 'application/octet-stream';
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head, 'utf8'),
    Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts one file as field `file` (or `options.field`). */
export function postFile(
  client: Client,
  url: string,
  fileName: string,
  data: Buffer | string,
  options: { field?: string; contentType?: string } = {},
): Promise<LightMyRequestResponse> {
  return client.request({ method: 'POST', url, ...multipartFile(fileName, data, options) });
}

/** A multipart/form-data body with text fields and one file part (in field `file` unless told), fields first. */
export function multipartForm(
  fields: Record<string, string>,
  file?: { fileName: string; data: Buffer | string; field?: string; contentType?: string },
  options: { isFileFirst?: boolean } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----lantoa-${crypto.randomBytes(8).toString('hex')}`;
  const fieldParts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'),
  );
  const fileParts = file
    ? [
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; ` +
            `filename="${file.fileName}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
          'utf8',
        ),
        Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data, 'utf8'),
        Buffer.from('\r\n', 'utf8'),
      ]
    : [];
  const parts = options.isFileFirst ? [...fileParts, ...fieldParts] : [...fieldParts, ...fileParts];
  const payload = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`, 'utf8')]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
