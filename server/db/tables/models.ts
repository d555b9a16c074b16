/** Tables of the models module (migrations 2026112910xx_*). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModelTables {}
