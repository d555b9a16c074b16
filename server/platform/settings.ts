import type { DbOrTrx } from '../db/connection';

/** Small named values the installation keeps (e.g. whether the demo was loaded). */
export async function getSetting<T>(db: DbOrTrx, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value as T | undefined;
}

export async function putSetting(db: DbOrTrx, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('app_setting')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}
