// Output schemas of the case procedures: the board (full or compact rows), one case's detail, and what a command
// answers (the case's new version and the events it committed, each with its seq). Derived from the live messages'
// schemas of @otklik/contract: a board row here is the row a change carries, with instants as the database gives
// them (Dates, sent as ISO strings) where the full board sends them so.
import {
  type Assert,
  type Same,
  zBoardRowMessage,
  zCaseClocks,
  zCaseStateMessage,
  zClock,
  zClockRules,
  zCommittedEvent,
  zLiveBoardRow,
  zLiveClock,
  zTimelineEntryMessage,
} from '@otklik/contract';
import { COMMAND_TYPES, zProfile } from '@otklik/domain';
import { z } from 'zod';
import type { BoardRow } from '../cases/board';
import type { compactBoardRows } from '../cases/board-compact';
import type { CommandResult } from '../cases/commands';
import type { getCaseDetail } from '../cases/queries';
import type { cases } from '../db/schema';

/** A command's answer: the case, its version after the command, and the events it committed in order. */
export const zCommandResult = z.object({
  caseId: z.string(),
  version: z.number().int().positive(),
  events: z.array(zCommittedEvent),
});

const zBoardCursor = z.object({ dueAt: z.number().nullable(), number: z.number().int() });
const zBoardPageOf = {
  seq: z.number().int().nonnegative(),
  serverTime: z.number(),
  nextCursor: zBoardCursor.nullable(),
};

/** A row of the full board: the live board row's columns, instants as Dates, the stored clocks. */
const zBoardRow = zBoardRowMessage.omit({ view: true }).extend({
  dueAt: z.date().nullable(),
  clocks: z.array(zClock).readonly(),
  detectedAt: z.date(),
  postedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  updatedAt: z.date(),
});

/** A compact row: the columns the board shows (cases/rows.ts `boardShownColumns`), instants in epoch ms, the clocks
 *  compact — the live row of @otklik/contract without its view tag (one shape for the snapshot and live changes). */
export const zCompactBoardRow = zLiveBoardRow.omit({ view: true }).extend({ clocks: z.array(zLiveClock) });

/** A page of `cases.board`: the full rows (the web app reads the compact snapshot, GET /api/board). */
export const zBoardPage = z.object({ cases: z.array(zBoardRow), ...zBoardPageOf });

/**
 * A page of the board snapshot (GET /api/board, http/board-route.ts): compact rows and the deadline rules their
 * clocks name, by key. PostgreSQL builds its JSON text and the server passes it through unparsed, so nothing checks
 * it on the way out: http/board-wire.test.ts checks every row of a page against this schema and against the full
 * rows, cases/board.test.ts page by page.
 */
export const zBoardSnapshotPage = z
  .object({
    cases: z.array(zCompactBoardRow.strict()),
    /** The deadline rules by key (a clock stored before the rule's parts: its text). */
    rules: zClockRules,
    ...zBoardPageOf,
  })
  .strict();
export type BoardSnapshotPage = z.output<typeof zBoardSnapshotPage>;

/** The case's row as stored, without its folded state (sent beside it, as this reader may see it). */
const zCaseRow = zBoardRow
  .omit({
    responsiblePersonName: true,
    responsibleDepartmentName: true,
    absentPersonId: true,
    excerpt: true,
    chain: true,
  })
  .extend({ externalId: z.string().nullable(), text: z.string(), createdAt: z.date() });

export const zCaseDetail = z.object({
  case: zCaseRow,
  /** Files uploaded to this case (evidence, documents), downloadable at `url`. */
  attachments: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
      createdAt: z.date(),
      url: z.string(),
    }),
  ),
  state: zCaseStateMessage,
  clocks: zCaseClocks,
  timeline: z.array(zTimelineEntryMessage),
  allowedActions: z.array(z.enum(COMMAND_TYPES)),
  publicationChannel: z.enum(['none', 'disabled', 'connected']),
  repeatOf: z.array(z.object({ id: z.string(), number: z.number().int(), status: z.string(), excerpt: z.string() })),
  profileId: z.string(),
  publisher: zProfile.shape.publisher,
  timeZone: z.string(),
  serverTime: z.number(),
});

/** Fail the typecheck when a schema here and what the server builds differ (a column added to the board query, the
 *  case row or the detail, but not here, would otherwise be dropped from the answer without a word). */
export type CaseOutputsMatchServer = [
  Assert<Same<z.input<typeof zBoardRow>, BoardRow>>,
  Assert<Same<z.input<typeof zCompactBoardRow>, ReturnType<typeof compactBoardRows>['cases'][number]>>,
  Assert<
    Same<z.input<typeof zCaseRow>, Omit<typeof cases.$inferSelect, 'state' | 'chain' | 'boardClocks' | 'boardRules'>>
  >,
  Assert<Same<z.input<typeof zCaseDetail>, Awaited<ReturnType<typeof getCaseDetail>>>>,
  Assert<Same<z.input<typeof zCommandResult>, CommandResult>>,
];
