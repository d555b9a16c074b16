import type { Role } from '../../../common/roles';
import type { Grant, UnitRef } from '../auth/types';

export interface UserSummary {
  id: string;
  username: string;
  fullName: string;
  unit: UnitRef;
  isDisabled: boolean;
  version: number;
  grants: Grant[];
  createdAt: string;
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  unitId: string;
  role?: Role;
  password?: string;
}
