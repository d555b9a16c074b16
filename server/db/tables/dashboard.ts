/** Where each unit's records go on today's structure; written only by the triggers of migration 202611291400. */
export interface OrgUnitCurrentTable {
  unit_id: string;
  path: string;
  current_id: string;
  current_path: string;
}

/** Tables of the dashboard module. */
export interface DashboardTables {
  org_unit_current: OrgUnitCurrentTable;
}
