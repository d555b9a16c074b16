import { z } from 'zod';
import { MEETING_TYPES } from '../../../common/meetings';

const isoDate = z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' });
const uuid = (what: string) => z.uuid({ message: `Mã định danh ${what} không hợp lệ` });
/** A unit or campaign given by id or by code (`96`, `32152-01`, `05-CT/TW`). */
const idOrCode = z.string().trim().min(1).max(64);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .nullish()
    .transform((value) => (value ? value : null));
const headcount = (what: string) =>
  z
    .number({ message: `${what} phải là số` })
    .int(`${what} phải là số nguyên`)
    .min(0, `${what} không được âm`)
    .max(10000, `${what} tối đa 10.000`);

const unitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const themeRefSchema = z.object({ id: z.uuid(), code: z.string(), title: z.string() });

export const meetingSummarySchema = z.object({
  id: z.uuid(),
  /** The cell as it was on the meeting date, with the name it bore then. */
  unit: unitRefSchema,
  meetingDate: z.string(),
  type: z.enum(MEETING_TYPES),
  themeIncluded: z.boolean(),
  theme: themeRefSchema.nullable(),
  membersOnRoll: z.number().int(),
  present: z.number().int(),
  absent: z.number().int(),
  hasMinutes: z.boolean(),
  version: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingDetailSchema = meetingSummarySchema.extend({
  contentSummary: z.string().nullable(),
  conclusion: z.string().nullable(),
  chair: z.string().nullable(),
  secretary: z.string().nullable(),
  absentReasons: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ canEdit: z.boolean(), canDelete: z.boolean() }),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const listMeetingsQuerySchema = z.object({
  /** Meetings of cells in this unit's subtree (id, or code resolved at `to` or today). */
  unit: idOrCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  type: z.enum(MEETING_TYPES).optional(),
  themeIncluded: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListMeetingsQuery = z.infer<typeof listMeetingsQuerySchema>;

export const listMeetingsResponseSchema = z.object({ items: z.array(meetingSummarySchema), total: z.number().int() });

const meetingFields = {
  meetingDate: isoDate,
  type: z.enum(MEETING_TYPES, { message: 'Loại sinh hoạt là "regular" (thường kỳ) hoặc "thematic" (chuyên đề)' }),
  themeIncluded: z.boolean(),
  /** Which theme; when the theme was included and none is named, the cell's current theme on the date is taken. */
  themeId: uuid('chuyên đề').nullish(),
  contentSummary: optionalText(4000),
  conclusion: optionalText(4000),
  chair: optionalText(200),
  secretary: optionalText(200),
  membersOnRoll: headcount('Số đảng viên').min(1, 'Số đảng viên phải từ 1 trở lên'),
  present: headcount('Số có mặt'),
  absentReasons: optionalText(2000),
};

export const createMeetingBodySchema = z.object({ unitId: uuid('chi bộ'), ...meetingFields });
export type CreateMeetingInput = z.infer<typeof createMeetingBodySchema>;

export const updateMeetingBodySchema = z
  .object({ unitId: uuid('chi bộ'), ...meetingFields })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdateMeetingInput = z.infer<typeof updateMeetingBodySchema>;

export const meetingIdParamsSchema = z.object({ id: uuid('buổi sinh hoạt') });
export const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

export const meetingFormQuerySchema = z.object({ unit: idOrCode.optional(), date: isoDate.optional() });
/** What the phone page needs to pre-fill: the cells the caller may record for, the chosen one, its current themes. */
export const meetingFormResponseSchema = z.object({
  date: z.string(),
  cells: z.array(unitRefSchema.extend({ parentName: z.string().nullable() })),
  cell: unitRefSchema.nullable(),
  themes: z.array(themeRefSchema),
  /** Members on roll at the cell's latest meeting, to pre-fill. */
  lastMembersOnRoll: z.number().int().nullable(),
  /** This month's regular meeting of the cell, when one is recorded already. */
  regularThisMonth: z.object({ id: z.uuid(), meetingDate: z.string() }).nullable(),
});
export type MeetingForm = z.infer<typeof meetingFormResponseSchema>;
