import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column shapes: UUID keys and UTC timestamptz (shown in WITA by the UI). */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
