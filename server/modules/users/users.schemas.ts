import { z } from 'zod';
import { UNIT_KINDS } from '../../../common/org-units';
import { ROLES } from '../../../common/roles';
import { MIN_PASSWORD_LENGTH } from '../../platform/auth/passwords';

export const USERNAME_PATTERN = /^[a-z0-9._-]+$/;

const unitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const grantSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  unit: unitRefSchema.extend({ kind: z.enum(UNIT_KINDS) }),
});
export type GrantSummary = z.infer<typeof grantSchema>;

export const userSummarySchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  unit: unitRefSchema,
  isDisabled: z.boolean(),
  version: z.number().int(),
  grants: z.array(grantSchema),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userResponseSchema = z.object({ user: userSummarySchema });

// Sign-in lower-cases the name, so a name typed with capitals is stored the way it will be typed later.
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Tên đăng nhập cần ít nhất 3 ký tự')
  .max(50, 'Tên đăng nhập tối đa 50 ký tự')
  .regex(USERNAME_PATTERN, 'Tên đăng nhập chỉ gồm chữ không dấu, số và các dấu . _ -');
const fullNameSchema = z.string().trim().min(2, 'Nhập họ và tên').max(200);
const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`)
  .max(200, 'Mật khẩu tối đa 200 ký tự');

export const listUsersQuerySchema = z.object({
  search: z.string().trim().max(100).optional(),
  unit: z.uuid({ message: 'Mã định danh đơn vị không hợp lệ' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const listUsersResponseSchema = z.object({ items: z.array(userSummarySchema), total: z.number().int() });

export const userIdParamsSchema = z.object({ id: z.uuid({ message: 'Mã định danh người dùng không hợp lệ' }) });
export const grantParamsSchema = userIdParamsSchema.extend({
  grantId: z.uuid({ message: 'Mã định danh quyền không hợp lệ' }),
});

export const createUserBodySchema = z.object({
  username: usernameSchema,
  fullName: fullNameSchema,
  unitId: z.uuid({ message: 'Chọn đơn vị' }),
  role: z.enum(ROLES).optional(),
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserBodySchema> & {
  /** Demo accounts are marked so that the demo can be told apart and removed. */
  isDemo?: boolean;
};

export const createUserResponseSchema = z.object({
  user: userSummarySchema,
  generatedPassword: z.string().optional(),
});

export const updateUserBodySchema = z.object({
  fullName: fullNameSchema.optional(),
  isDisabled: z.boolean().optional(),
  unitId: z.uuid({ message: 'Chọn đơn vị' }).optional(),
  version: z.number().int().positive(),
});
export type UpdateUserInput = z.infer<typeof updateUserBodySchema>;

// Optional as a whole: "generate one for me" may be a POST with no body at all (Fastify hands over null).
export const resetPasswordBodySchema = z.object({ password: passwordSchema.optional() }).nullish();
export const resetPasswordResponseSchema = z.object({ password: z.string() });

export const grantBodySchema = z.object({ unitId: z.uuid({ message: 'Chọn đơn vị' }), role: z.enum(ROLES) });
export type GrantInput = z.infer<typeof grantBodySchema>;
export const grantResponseSchema = z.object({ grant: grantSchema });
