import type { UnitKind } from '../../../common/org-units';
import type { Role } from '../../../common/roles';

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

export interface Grant {
  id: string;
  role: Role;
  unit: UnitRef & { kind: UnitKind };
}

export interface Abilities {
  manageUnits: boolean;
  manageUsers: boolean;
  readAudit: boolean;
  isAdmin: boolean;
}

export interface Me {
  id: string;
  username: string;
  fullName: string;
  unit: UnitRef;
  grants: Grant[];
  abilities: Abilities;
}

export interface DemoAccount {
  username: string;
  password: string;
  fullName: string;
  role: Role;
  unitCode: string;
  unitName: string;
}
