import { Select } from 'antd';
import { ROLES, type Role } from '../../../common/roles';
import { useLabels } from '../../i18n/useLabels';

interface Props {
  value?: Role;
  onChange?: (role: Role) => void;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
}

/** Xem / Nhập liệu / Quản lý / Quản trị. */
export function RoleSelect({ value, onChange, allowClear, placeholder, id }: Props) {
  const labels = useLabels();
  return (
    <Select<Role>
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      placeholder={placeholder}
      options={ROLES.map((role) => ({ value: role, label: labels.role(role) }))}
      style={{ minWidth: 140 }}
    />
  );
}
