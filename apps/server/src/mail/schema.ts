// The e-mail outbox: a copy of a notification to a person's address, written in the same transaction as the
// notification itself, then sent by the mail worker with retries and back-off. A row is never deleted by sending;
// its status says what happened (pending → sending → sent, or failed after the last attempt or a permanent refusal).
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idAndOrganisation, instant, notifications } from '../db/schema';

export const emailOutbox = pgTable(
  'email_outbox',
  {
    ...idAndOrganisation(),
    notificationId: uuid().references(() => notifications.id, { onDelete: 'set null' }),
    toAddress: text().notNull(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    /** The Message-ID header, the same on every attempt: a receiver can tell a repeated delivery from a new one. */
    messageId: text().notNull().unique(),
    /** pending | sending | sent | failed */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: instant().notNull().defaultNow(),
    /** While 'sending': the lease of the worker that claimed it; past it, the row is claimed again (after a crash). */
    lockedUntil: instant(),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: instant(),
  },
  (t) => [index('email_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);
