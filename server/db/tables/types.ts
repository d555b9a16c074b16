import type { ColumnType } from 'kysely';

/** Dates travel as `YYYY-MM-DD` strings (type parser in connection.ts), never as JS Dates. */
export type DateString = string;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string | undefined, string>;
