/**
 * Where each unit's records go on today's structure, with the unit's kind and dates (for the cell summary of
 * migration 202611300900); written only by the triggers of migration 202611291400 and their successors.
 */
export interface OrgUnitCurrentTable {
  unit_id: string;
  path: string;
  current_id: string;
  current_path: string;
  kind: string;
  valid_from: string;
  valid_to: string | null;
}

/** Tables of the dashboard module. */
export interface DashboardTables {
  org_unit_current: OrgUnitCurrentTable;
}
