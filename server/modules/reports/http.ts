import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from '../../platform/import/workbook';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a generated document as a download, never cached (figures move with the records). */
export function sendDocx(reply: FastifyReply, file: { fileName: string; data: Buffer }) {
  return reply
    .header('content-type', DOCX_CONTENT_TYPE)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', 'no-store')
    .send(file.data);
}
