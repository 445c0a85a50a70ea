// Cases: the board, one case with its timeline and allowed actions, and commands (every change goes through the
// domain decider; see cases/commands.ts). The changes after a board's seq come over the socket (`changes:since`).
import { AREA_ROLES, zCaseCommand, zCategoryChoice, zNetwork, zRegisterCommand } from '@otklik/domain';
import { z } from 'zod';
import type { CurrentUser } from '../../auth/current-user';
import { BOARD_PAGE, type BoardFilters, listBoardPage } from '../../cases/board';
import { executeCaseCommand } from '../../cases/commands';
import { getCaseDetail } from '../../cases/queries';
import { listRouteChoices } from '../../cases/route-choices';
import { manualPublicationAlongside } from '../../channels/publication';
import type { ServerDeps } from '../../deps';
import { appError } from '../../errors/app-error';
import { headSeq } from '../../realtime/changes';
import { repeatCandidatesForDraft } from '../../reports/repeats';
import { zCounter, zId, zInstant } from '../inputs';
import { zBoardPage, zCaseDetail, zCommandResult } from '../outputs-cases';
import { zRepeatCandidate, zRouteChoice } from '../outputs-reports';
import { protectedProcedure, router, withRoles } from '../trpc';

/** A citizen's message is at most this long: longer input is refused, not truncated. */
export const MAX_MESSAGE_TEXT = 20_000;

/** The board's selection: `cases.board` and the snapshot route (http/board-route.ts) take the same. */
export const zBoardFilters = z
  .object({
    organisationId: zId.optional(),
    departmentId: zId.optional(),
    /** 'high' filters by the high-importance flag. */
    category: zCategoryChoice.optional(),
    status: z.string().max(50).optional(),
    network: zNetwork.optional(),
    topic: z.string().max(200).optional(),
    includeClosed: z.boolean().optional(),
    /** Rows per page (at most BOARD_PAGE). */
    limit: z.number().int().min(1).max(BOARD_PAGE).optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z.object({ dueAt: zInstant.nullable(), number: zCounter }).optional(),
  })
  .default({});

/**
 * What a board read asks of the signed-in person and their filters (`cases.board`, and the snapshot route
 * http/board-route.ts): their own organisation only, the cases they may see, the page after the cursor — and the
 * organisation's sequence number first: a client applies changes after it, so nothing between the two reads is
 * missed. A board of several pages is read page after page: the client keeps the first page's seq and catches up
 * from there, which also covers a case that moved between pages while they were read.
 */
export async function boardSelection(
  ctx: { deps: Pick<ServerDeps, 'db' | 'now'>; user: CurrentUser },
  input: z.output<typeof zBoardFilters>,
): Promise<{ seq: number; selection: BoardFilters }> {
  if (input.organisationId && input.organisationId !== ctx.user.organisationId) {
    throw appError('FORBIDDEN', 'case.other-organisation', {});
  }
  const { organisationId: _org, cursor, ...filters } = input;
  const seq = await headSeq(ctx.deps.db, ctx.user.organisationId);
  return { seq, selection: { ...filters, after: cursor, visibleTo: ctx.user.actor, now: ctx.deps.now() } };
}

/** Commands a person may send; the scheduler's clock records and 'register' have their own paths. */
const PERSON_COMMANDS_EXCLUDED = new Set([
  'register',
  'record-clock-at-risk',
  'record-clock-breached',
  // A publication request needs its outbox row: channels.requestPublication.
  'request-publication',
  'record-publication-failure',
  'record-message-edit',
  'record-message-deletion',
]);

export const casesRouter = router({
  /** The full rows of the board, a page at a time (the web app reads the compact snapshot: GET /api/board). */
  board: protectedProcedure
    .input(zBoardFilters)
    .output(zBoardPage)
    .query(async ({ ctx, input }) => {
      const { seq, selection } = await boardSelection(ctx, input);
      const page = await listBoardPage(ctx.deps.db, ctx.user.organisationId, selection);
      return { cases: page.rows, seq, serverTime: ctx.deps.now(), nextCursor: page.nextCursor };
    }),

  detail: protectedProcedure
    .input(z.object({ caseId: zId }))
    .output(zCaseDetail)
    .query(({ ctx, input }) => getCaseDetail(ctx.deps, ctx.user.organisationId, input.caseId, ctx.user.actor)),

  /** The route form's executors per department: head and absence marks, and whom to preselect. */
  routeChoices: withRoles('curator')
    .output(z.array(zRouteChoice))
    .query(({ ctx }) => listRouteChoices(ctx.deps.db, ctx.user.organisationId, ctx.deps.now())),

  /** An operator (or curator) registers a message found in a network. */
  register: withRoles(...AREA_ROLES.register)
    .input(
      zRegisterCommand.omit({ type: true, caseId: true }).extend({
        text: z.string().max(MAX_MESSAGE_TEXT, 'validation.text-too-long'),
      }),
    )
    .output(zCommandResult)
    .mutation(({ ctx, input }) =>
      executeCaseCommand(ctx.deps, {
        organisationId: ctx.user.organisationId,
        actor: ctx.user.actor,
        command: { ...input, type: 'register' },
      }),
    ),

  /** Earlier cases the message being registered may repeat (same author, or a similar text), shown while typing. */
  repeatSuggestions: withRoles(...AREA_ROLES.register)
    .input(
      z.object({
        author: z.string().max(300),
        profileUrl: z.string().max(2000).optional(),
        text: z.string().max(MAX_MESSAGE_TEXT, 'validation.text-too-long'),
      }),
    )
    .output(z.array(zRepeatCandidate))
    .query(({ ctx, input }) =>
      repeatCandidatesForDraft(ctx.deps.db, ctx.user.organisationId, input, {
        actor: ctx.user.actor,
        now: ctx.deps.now(),
      }),
    ),

  command: protectedProcedure
    .input(z.object({ caseId: zId, expectedVersion: zCounter, command: zCaseCommand }))
    .output(zCommandResult)
    .mutation(({ ctx, input }) => {
      if (PERSON_COMMANDS_EXCLUDED.has(input.command.type)) {
        throw appError('FORBIDDEN', 'case.server-only', { command: input.command.type });
      }
      return executeCaseCommand(ctx.deps, {
        organisationId: ctx.user.organisationId,
        actor: ctx.user.actor,
        caseId: input.caseId,
        expectedVersion: input.expectedVersion,
        command: input.command,
        // Published by hand: a pending channel request is cancelled with it (refused while one is being sent).
        ...(input.command.type === 'publish' || input.command.type === 'publish-intermediate'
          ? { alongside: manualPublicationAlongside(input.caseId) }
          : {}),
      });
    }),
});
