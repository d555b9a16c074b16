import { z } from 'zod';

const isoDate = z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' });

export const listAuditQuerySchema = z
  .object({
    user: z.string().trim().min(1).max(100).optional(),
    entityType: z.string().trim().min(1).max(60).optional(),
    unit: z.uuid({ message: 'Mã định danh đơn vị không hợp lệ' }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'Ngày kết thúc không được trước ngày bắt đầu',
  });
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export const auditEntrySchema = z.object({
  // bigint in the database: a string, so that ids past 2^53 survive JSON.
  id: z.string(),
  at: z.string(),
  user: z.object({ id: z.uuid(), username: z.string(), fullName: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  summary: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const listAuditResponseSchema = z.object({ items: z.array(auditEntrySchema), total: z.number().int() });
export const entityTypesResponseSchema = z.object({ items: z.array(z.string()) });
