// Tables of the realtime layer: autosaved drafts of a case (the composer's answer and each department's
// contribution), versioned so a concurrent edit is a conflict, never a silent overwrite; and the table the
// socket.io PostgreSQL adapter keeps payloads too large for NOTIFY in.
import { bigserial, customType, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { caseRef, createdAt, instant, organisationRef, personOrNull } from '../db/schema';

export const caseDrafts = pgTable(
  'case_drafts',
  {
    caseId: caseRef(),
    organisationId: organisationRef(),
    /** 'answer' or 'contribution:<department id>'. */
    slot: text().notNull(),
    text: text().notNull(),
    /** Increases by one on every save; the optimistic-concurrency token of the editor. */
    version: integer().notNull(),
    updatedBy: personOrNull(),
    updatedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.slot] })],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** Name and columns are fixed by @socket.io/postgres-adapter (its `tableName` option default). */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigserial({ mode: 'number' }).unique(),
  createdAt: instant().defaultNow(),
  payload: bytea(),
});
