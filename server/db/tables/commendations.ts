/** Tables of the commendations module (migrations 2026112909xx_*). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CommendationTables {}
