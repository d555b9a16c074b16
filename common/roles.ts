/** Roles of a grant, weakest first; a grant on a unit covers its subtree. */
export const ROLES = ['viewer', 'editor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function isRoleAtLeast(role: Role, required: Role): boolean {
  return roleRank(role) >= roleRank(required);
}

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  viewer: { vi: 'Xem', en: 'Viewer' },
  editor: { vi: 'Nhập liệu', en: 'Editor' },
  manager: { vi: 'Quản lý', en: 'Manager' },
  admin: { vi: 'Quản trị', en: 'Administrator' },
};
