// Tables of the realtime layer: autosaved drafts of a case (the composer's answer and each department's
// contribution), versioned so a concurrent edit is a conflict, never a silent overwrite; and the table the
// socket.io PostgreSQL adapter keeps payloads too large for NOTIFY in.
import { bigserial, customType, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases, organisations, people } from '../db/schema';

export const caseDrafts = pgTable(
  'case_drafts',
  {
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** 'answer' or 'contribution:<department id>'. */
    slot: text().notNull(),
    text: text().notNull(),
    /** Increases by one on every save; the optimistic-concurrency token of the editor. */
    version: integer().notNull(),
    updatedBy: uuid().references(() => people.id, { onDelete: 'set null' }),
    updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.slot] })],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** Name and columns are fixed by @socket.io/postgres-adapter (its `tableName` option default). */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigserial({ mode: 'number' }).unique(),
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).defaultNow(),
  payload: bytea(),
});
