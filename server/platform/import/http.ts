import type { FastifyReply, FastifyRequest } from 'fastify';
import { validationFailed } from '../errors';
import { ACCEPTED_EXTENSIONS } from './source';
import { attachmentDisposition, XLSX_CONTENT_TYPE } from './workbook';

export interface XlsxFile {
  fileName: string;
  data: Buffer;
}

/** Sends a workbook as a download (export or template), never cached. */
export function sendXlsx(reply: FastifyReply, file: XlsxFile) {
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', 'no-store')
    .send(file.data);
}

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a generated document as a download, never cached (figures move with the records). */
export function sendDocx(reply: FastifyReply, file: { fileName: string; data: Buffer }) {
  return reply
    .header('content-type', DOCX_CONTENT_TYPE)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', 'no-store')
    .send(file.data);
}

/** The uploaded file of field `file`, refused early (before buffering) when it is not .xlsx or .csv. */
export async function readUpload(request: FastifyRequest): Promise<XlsxFile> {
  const missing = 'Chưa có tệp: gửi tệp .xlsx hoặc .csv trong trường "file" (multipart/form-data).';
  if (!request.isMultipart()) {
    throw validationFailed(missing, [{ path: 'body.file', message: missing }]);
  }
  const part = await request.file();
  if (!part || part.fieldname !== 'file') {
    throw validationFailed(missing, [{ path: 'body.file', message: missing }]);
  }
  const name = part.filename.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension))) {
    const message = `Chỉ nhận tệp .xlsx hoặc .csv; tệp "${part.filename}" không đúng loại.`;
    throw validationFailed(message, [{ path: 'body.file', message }]);
  }
  return { fileName: part.filename, data: await part.toBuffer() };
}
