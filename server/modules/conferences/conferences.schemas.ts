import { z } from 'zod';
import { BRIDGE_STATUSES, CONFERENCE_MODES } from '../../../common/conferences';
import { UNIT_KINDS } from '../../../common/org-units';

const uuid = (what: string) => z.uuid({ message: `Mã định danh ${what} không hợp lệ` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .nullish()
    .transform((value) => (value ? value : null));
const dateTime = (what: string) =>
  z.iso.datetime({ offset: true, message: `${what} phải là ngày giờ dạng 2019-08-20T07:30:00+07:00` });
const version = z.number({ message: 'Thiếu phiên bản (version) của bản ghi' }).int().positive();

export const conferenceIdParams = z.object({ id: uuid('hội nghị') });
export const bridgeParams = conferenceIdParams.extend({ bridgeId: uuid('điểm cầu') });
export const agendaParams = conferenceIdParams.extend({ itemId: uuid('mục chương trình') });
export const attendeeParams = bridgeParams.extend({ attendeeId: uuid('đại biểu') });

const unitRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const agendaItemSchema = z.object({
  id: z.string(),
  position: z.number(),
  startsAt: z.string().nullable(),
  title: z.string(),
  presenter: z.string().nullable(),
  presenterPosition: z.string().nullable(),
  documentsCount: z.number(),
  version: z.number(),
});

export const conferenceSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: unitRef,
  campaign: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  mode: z.enum(CONFERENCE_MODES),
  hostPlace: z.string().nullable(),
  bridgesCount: z.number(),
  /** The caller organises (reads every point) or only keeps their own points. */
  isOrganiser: z.boolean(),
});

export const conferenceDetailSchema = conferenceSummarySchema.extend({
  meetingUrl: z.string().nullable(),
  video: z.object({ jitsiUrl: z.string().nullable(), roomName: z.string() }),
  minutes: z.string().nullable(),
  conclusions: z.string().nullable(),
  agenda: z.array(agendaItemSchema),
  documentsCount: z.number(),
  /** The caller's own bridge points (bridge staff) — every point for an organiser is on /bridges. */
  myBridges: z.array(z.object({ id: z.string(), unit: unitRef })),
  abilities: z.object({ canEdit: z.boolean(), canInvite: z.boolean(), canWatchBoard: z.boolean() }),
  version: z.number(),
});

export const listConferencesQuery = z.object({
  from: z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' }).optional(),
  to: z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' }).optional(),
});
export const listConferencesResponse = z.object({ items: z.array(conferenceSummarySchema) });

const conferenceFields = {
  title: z.string().trim().min(5, 'Tên hội nghị quá ngắn').max(500, 'Tên hội nghị tối đa 500 ký tự'),
  campaignId: uuid('văn bản chỉ đạo').nullish(),
  unitId: uuid('đơn vị tổ chức'),
  startsAt: dateTime('Giờ bắt đầu'),
  endsAt: dateTime('Giờ kết thúc'),
  mode: z.enum(CONFERENCE_MODES, { message: 'Chọn hình thức: trực tuyến, kết hợp hoặc trực tiếp' }),
  hostPlace: optionalText(500),
  meetingUrl: z
    .string()
    .trim()
    .max(1000)
    .regex(/^https?:\/\/\S+$/, 'Đường dẫn phòng họp phải bắt đầu bằng http:// hoặc https://')
    .nullish()
    .or(z.literal('').transform(() => null)),
};
export const createConferenceBody = z.object(conferenceFields);
export type CreateConferenceInput = z.infer<typeof createConferenceBody>;

export const updateConferenceBody = z.object({
  title: conferenceFields.title.optional(),
  campaignId: conferenceFields.campaignId,
  startsAt: conferenceFields.startsAt.optional(),
  endsAt: conferenceFields.endsAt.optional(),
  mode: conferenceFields.mode.optional(),
  hostPlace: conferenceFields.hostPlace.optional(),
  meetingUrl: conferenceFields.meetingUrl,
  minutes: optionalText(100_000).optional(),
  conclusions: optionalText(100_000).optional(),
  version,
});
export type UpdateConferenceInput = z.infer<typeof updateConferenceBody>;

export const agendaItemBody = z.object({
  startsAt: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Giờ phải có dạng HH:MM, ví dụ 07:30')
    .nullish()
    .transform((v) => v ?? null),
  title: z.string().trim().min(2, 'Nhập nội dung').max(500, 'Nội dung tối đa 500 ký tự'),
  presenter: optionalText(200),
  presenterPosition: optionalText(500),
  position: z.number().int().min(0).optional(),
});
export type AgendaItemInput = z.infer<typeof agendaItemBody>;
export const updateAgendaItemBody = agendaItemBody.partial().extend({ version });
export type UpdateAgendaItemInput = z.infer<typeof updateAgendaItemBody>;

export const bridgeSchema = z.object({
  id: z.string(),
  conferenceId: z.string(),
  unit: unitRef.extend({ kind: z.string() }),
  place: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  expected: z.number(),
  status: z.enum(BRIDGE_STATUSES),
  statusAt: z.string(),
  problemNote: z.string().nullable(),
  checkedIn: z.number(),
  rosterCount: z.number(),
  headCount: z.number().nullable(),
  present: z.number(),
  version: z.number(),
});
export const bridgeDetailSchema = bridgeSchema.extend({
  history: z.array(
    z.object({ status: z.string(), note: z.string().nullable(), at: z.string(), by: z.string().nullable() }),
  ),
  abilities: z.object({ canEdit: z.boolean(), isOrganiser: z.boolean() }),
});
export const listBridgesResponse = z.object({ items: z.array(bridgeSchema) });

export const inviteBody = z
  .object({
    unitIds: z.array(uuid('đơn vị')).max(1000, 'Tối đa 1.000 đơn vị mỗi lần').optional(),
    under: z
      .object({ unitId: uuid('đơn vị cấp trên'), kind: z.enum(UNIT_KINDS, { message: 'Chọn loại đơn vị' }) })
      .optional(),
    expected: z.number().int().min(0).max(100_000).optional(),
  })
  .refine((b) => (b.unitIds?.length ?? 0) > 0 || b.under, {
    message: 'Chọn đơn vị để mời, hoặc "mọi đơn vị loại … trực thuộc …"',
    path: ['unitIds'],
  });
export type InviteInput = z.infer<typeof inviteBody>;
export const inviteResponse = z.object({ invited: z.number(), alreadyInvited: z.number() });

export const updateBridgeBody = z.object({
  place: optionalText(500).optional(),
  contactName: optionalText(200).optional(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+ ().-]{6,20}$/, 'Số điện thoại chỉ gồm chữ số, khoảng trắng và + ( ) . -, 6–20 ký tự')
    .nullish()
    .or(z.literal('').transform(() => null)),
  expected: z.number().int().min(0, 'Số dự kiến không âm').max(100_000).optional(),
  version,
});
export type UpdateBridgeInput = z.infer<typeof updateBridgeBody>;

export const statusBody = z
  .object({
    status: z.enum(BRIDGE_STATUSES, { message: 'Trạng thái không hợp lệ' }),
    note: optionalText(1000),
    version,
  })
  .refine((b) => b.status !== 'problem' || b.note, { message: 'Ghi rõ sự cố gặp phải', path: ['note'] });
export type StatusInput = z.infer<typeof statusBody>;

export const headCountBody = z.object({
  headCount: z.number({ message: 'Nhập số người có mặt' }).int().min(0, 'Số người không âm').max(100_000).nullable(),
  version,
});

export const attendeeSchema = z.object({
  id: z.string(),
  bridgeId: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  organisation: z.string().nullable(),
  category: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  isWalkIn: z.boolean(),
  checkedInAt: z.string().nullable(),
  /** The invitation's QR token, for those who may check people in. */
  token: z.string().nullable(),
  version: z.number(),
});
export const listAttendeesQuery = z.object({
  search: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export const listAttendeesResponse = z.object({ items: z.array(attendeeSchema), total: z.number() });

export const attendeeBody = z.object({
  fullName: z.string().trim().min(2, 'Nhập họ và tên').max(120, 'Họ và tên tối đa 120 ký tự'),
  position: optionalText(300),
  organisation: optionalText(300),
  categoryId: uuid('thành phần').nullish(),
  /** A walk-in is added and checked in at once. */
  isWalkIn: z.boolean().default(false),
});
export type AttendeeInput = z.infer<typeof attendeeBody>;
export const updateAttendeeBody = z.object({
  fullName: attendeeBody.shape.fullName.optional(),
  position: attendeeBody.shape.position.optional(),
  organisation: attendeeBody.shape.organisation.optional(),
  categoryId: attendeeBody.shape.categoryId,
  version,
});
export type UpdateAttendeeInput = z.infer<typeof updateAttendeeBody>;

export const checkInTokenBody = z.object({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, 'Mã QR không đúng dạng mã của giấy mời'),
});
export const checkInResponse = z.object({ attendee: attendeeSchema, alreadyCheckedIn: z.boolean() });

export const importQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() });
export const importResponse = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  items: z.array(z.object({ fullName: z.string(), category: z.string().nullable() })),
});

export const categorySchema = z.object({
  id: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  sortOrder: z.number(),
  isActive: z.boolean(),
  version: z.number(),
});
export const categoryBody = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'Mã gồm chữ thường không dấu, số và _, 2–40 ký tự'),
  nameVi: z.string().trim().min(2, 'Nhập tên tiếng Việt').max(300),
  nameEn: z.string().trim().min(2, 'Nhập tên tiếng Anh').max(300),
  sortOrder: z.number().int().default(0),
});
export const updateCategoryBody = z.object({
  nameVi: categoryBody.shape.nameVi.optional(),
  nameEn: categoryBody.shape.nameEn.optional(),
  sortOrder: z.number().int().optional(),
  isActive: z.boolean().optional(),
  version,
});
export const categoryParams = z.object({ categoryId: uuid('thành phần') });

export const boardBridgeSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  place: z.string().nullable(),
  status: z.enum(BRIDGE_STATUSES),
  statusAt: z.string(),
  problemNote: z.string().nullable(),
  expected: z.number(),
  checkedIn: z.number(),
  headCount: z.number().nullable(),
  present: z.number(),
  version: z.number(),
});
export const boardResponse = z.object({
  conferenceId: z.string(),
  title: z.string(),
  /** The id of the last event included; pass it as Last-Event-ID to resume (on the same server process). */
  lastEventId: z.string(),
  bridges: z.array(boardBridgeSchema),
  totals: z.object({
    bridges: z.number(),
    connected: z.number(),
    problems: z.number(),
    expected: z.number(),
    present: z.number(),
    checkedIn: z.number(),
  }),
});

export const textBody = z.object({ text: optionalText(50_000), version });
export const draftResponse = z.object({
  text: z.string(),
  isEdited: z.boolean(),
  drafted: z.string(),
  version: z.number(),
});
