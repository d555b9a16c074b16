import { z } from 'zod';

const entityType = z
  .string({ message: 'Thiếu loại bản ghi (entityType)' })
  .trim()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'Thiếu hoặc sai loại bản ghi (entityType), ví dụ campaign');
const entityId = z.uuid({ message: 'Mã định danh bản ghi không hợp lệ' });

export const documentSummarySchema = z.object({
  id: z.uuid(),
  entityType: z.string(),
  entityId: z.uuid(),
  fileName: z.string(),
  title: z.string().nullable(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const listDocumentsQuerySchema = z.object({ entityType, entityId });
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuerySchema>;

export const listDocumentsResponseSchema = z.object({
  items: z.array(documentSummarySchema),
  /** Attach and remove documents of this record: editor on its unit. */
  abilities: z.object({ canEdit: z.boolean() }),
});

/** The text fields of the multipart upload (the file comes in field `file`). */
export const uploadFieldsSchema = z.object({
  entityType,
  entityId,
  title: z.string().trim().max(300, 'Tiêu đề tối đa 300 ký tự').optional(),
});
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

export const documentIdParamsSchema = z.object({ id: z.uuid({ message: 'Mã định danh tài liệu không hợp lệ' }) });

export const downloadQuerySchema = z.object({
  /** `inline` shows a PDF or an image in the browser; anything else downloads. */
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});
