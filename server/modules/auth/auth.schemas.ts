import { z } from 'zod';
import { ROLES } from '../../../common/roles';
import { UNIT_KINDS } from '../../../common/org-units';

export const unitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  unit: unitRefSchema,
  grants: z.array(
    z.object({ id: z.uuid(), role: z.enum(ROLES), unit: unitRefSchema.extend({ kind: z.enum(UNIT_KINDS) }) }),
  ),
  abilities: z.object({
    manageUnits: z.boolean(),
    manageUsers: z.boolean(),
    readAudit: z.boolean(),
    isAdmin: z.boolean(),
  }),
});
export type Me = z.infer<typeof meSchema>;

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
});

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8, 'Mật khẩu mới cần ít nhất 8 ký tự').max(200),
});

export const demoAccountsSchema = z.object({
  accounts: z.array(
    z.object({
      username: z.string(),
      password: z.string(),
      fullName: z.string(),
      role: z.enum(ROLES),
      unitCode: z.string(),
      unitName: z.string(),
    }),
  ),
});
export type DemoAccount = z.infer<typeof demoAccountsSchema>['accounts'][number];
