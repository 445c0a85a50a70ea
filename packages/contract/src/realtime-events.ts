// The socket.io contract shared by the server, the web app and the tests (`@otklik/contract`): typed event maps for
// Server<…>/Socket<…> and the zod schemas each side validates payloads with on receipt. No Node imports here.
import type { CaseState } from '@otklik/domain';
import { z } from 'zod';
import { zClock } from './case-clocks';
import { zCaseEvent } from './case-events';

const zId = z.string().min(1).max(200);
const zSeq = z.number().int().nonnegative();

/** Instants of a row on the wire: epoch milliseconds (a Date would arrive as a string, or not at all through the
 *  PostgreSQL adapter's encoding). */
const zMs = z.number();

/** A case's board row as a person receives it with a change: the row `cases.board` gives (apps/server/src/cases/board.ts,
 *  `BoardRow`), instants in epoch ms. Participants and readers get the same row, as in the board snapshot (the
 *  appeal's personal data is not among its columns). */
export const zBoardRowMessage = z.object({
  view: z.literal('board'),
  id: zId,
  number: z.number().int(),
  organisationId: zId,
  version: z.number().int(),
  status: z.string(),
  currentStep: z.string().nullable(),
  dueAt: zMs.nullable(),
  responsiblePersonId: z.string().nullable(),
  responsiblePersonName: z.string().nullable(),
  responsibleDepartmentId: z.string().nullable(),
  responsibleDepartmentName: z.string().nullable(),
  /** The person the clock names when a substitute stands in for them. */
  absentPersonId: z.string().nullable(),
  departmentIds: z.array(z.string()),
  executorIds: z.array(z.string()),
  partyDepartmentIds: z.array(z.string()),
  partyExecutorIds: z.array(z.string()),
  category: z.string(),
  topic: z.string().nullable(),
  location: z.string().nullable(),
  network: z.string(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  excerpt: z.string(),
  isPublic: z.boolean(),
  flags: z.array(z.string()),
  /** The stored clocks (jsonb), as the domain computed them at the case's last change. */
  clocks: z.array(zClock).readonly(),
  chain: z
    .object({
      mode: z.enum(['sequential', 'parallel']),
      total: z.number().int(),
      sent: z.number().int(),
      current: z.number().int().nullable(),
    })
    .nullable(),
  isOpen: z.boolean(),
  detectedAt: zMs,
  postedAt: zMs.nullable(),
  closedAt: zMs.nullable(),
  updatedAt: zMs,
});
export type BoardRowMessage = z.infer<typeof zBoardRowMessage>;

/** A case's row as a wall display receives it: the wall snapshot's row (`wall.snapshot`): no author, no text, no names
 *  of people, the place only as the directory's settlement or district. */
export const zWallRowMessage = zBoardRowMessage
  .pick({
    id: true,
    number: true,
    status: true,
    currentStep: true,
    dueAt: true,
    responsibleDepartmentId: true,
    responsibleDepartmentName: true,
    category: true,
    topic: true,
    location: true,
    network: true,
    flags: true,
    clocks: true,
    isOpen: true,
    detectedAt: true,
  })
  .extend({ view: z.literal('wall') });
export type WallRowMessage = z.infer<typeof zWallRowMessage>;

/** A clock of a compact board row (a live change's, a catch-up page's and the board snapshot's alike): without what
 *  the client derives (the working minutes left and in total, the breach instant), its rule the key of an entry in
 *  the message's `rules`, its holders only when they are not just the responsible party
 *  (apps/server/src/cases/board-compact.ts). */
export const zLiveClock = zClock
  .omit({ remainingWorkingMinutes: true, totalWorkingMinutes: true, breachAt: true, rule: true })
  .extend({ holders: zClock.shape.holders.optional(), rule: z.string() });
export type LiveClock = z.infer<typeof zLiveClock>;

/** A case's board row as a person receives it with a change or a catch-up page: the snapshot's compact row (the
 *  columns the board shows, cases/rows.ts `boardShownColumns`), so the board applies one row shape. Participants
 *  and readers get the same row (the appeal's personal data is not among its columns). */
export const zLiveBoardRow = zBoardRowMessage
  // What the board never reads: the parties' full lists, the link, publicity and the row's later instants.
  .omit({
    partyDepartmentIds: true,
    partyExecutorIds: true,
    url: true,
    isPublic: true,
    postedAt: true,
    closedAt: true,
    updatedAt: true,
  })
  .extend({ view: z.literal('board'), clocks: z.array(zLiveClock).readonly() });
export type LiveBoardRow = z.infer<typeof zLiveBoardRow>;

export const zCaseRowMessage = z.discriminatedUnion('view', [zLiveBoardRow, zWallRowMessage]);
export type CaseRowMessage = z.infer<typeof zCaseRowMessage>;

/** The deadline rules the clocks of a message's (or a snapshot page's) board rows name, by key (each rule once; a
 *  clock stored before the rule's parts: its text). */
export const zClockRules = z.record(z.string(), zClock.shape.rule);
export type ClockRules = z.infer<typeof zClockRules>;

/** One committed case event as the realtime layer sends it. `prevSeq` is the seq of the previous change sent to this
 *  receiver: each receiver has its own sequence (every node sends every change to its own receivers in seq order), so
 *  a change of a case it may not see leaves no gap. A client holding it knows it missed nothing; one that does not
 *  catches up. In a catch-up page it chains that page. */
export const zCaseChange = z.object({
  seq: zSeq,
  prevSeq: zSeq,
  caseId: zId,
  version: z.number().int().positive(),
  type: z.string(),
  occurredAt: z.number(),
  /** Null for system actors, and for wall displays (no personal data). */
  actorId: z.string().nullable(),
  /** The domain event (a reader's without the appeal's personal data: domain `eventForReader`); null on wall
   *  displays, which receive only what changed, not the text. */
  payload: zCaseEvent.nullable(),
  /** The case's row as this receiver's view shows it (the compact board row for a person, its clocks' rules in the
   *  message's `rules`; the wall row for a display); null when the case left that view (closed, no longer visible, or
   *  outside a wall's filters): remove it. In a live message and in a catch-up page alike only each case's last change
   *  there carries it (the case's row when the message was made); its earlier ones there have none. */
  row: zCaseRowMessage.nullable().optional(),
});
export type CaseChange = z.infer<typeof zCaseChange>;

/** The live changes a receiver is sent at once (`case:changes`): every change of its sequence committed within a short
 *  window of its organisation, in seq order, each `prevSeq` chaining the one before (the first one's, the last change
 *  sent before the message). One message per receiver group and window instead of one per change: a thousand boards
 *  of a busy organisation are sent a few messages a second, not one per change and board. */
export const zCaseChanges = z.object({
  changes: z.array(zCaseChange).min(1),
  rules: zClockRules,
});
export type CaseChanges = z.infer<typeof zCaseChanges>;

/** An event a command committed, as its answer carries it: the change's columns (without the realtime chain and
 *  row) with the organisation and the whole domain event. */
export const zCommittedEvent = zCaseChange
  .pick({ seq: true, caseId: true, version: true, type: true, occurredAt: true, actorId: true })
  .extend({ organisationId: z.string(), payload: zCaseEvent });
export type CommittedEventMessage = z.infer<typeof zCommittedEvent>;

/** One line of a case's timeline: a committed event, who did it (their name; null for the system) and when. The case
 *  detail's timeline and the entries of a live detail change are both this, mapped once on the server
 *  (apps/server/src/cases/timeline.ts). A reader's payload is without the appeal's personal data. */
export const zTimelineEntryMessage = z.object({
  seq: zSeq,
  version: z.number().int().positive(),
  type: z.string(),
  actorName: z.string().nullable(),
  occurredAt: zMs,
  /** The domain event; a reader's without the appeal's personal data (domain `eventForReader`). */
  payload: zCaseEvent,
});
export type TimelineEntryMessage = z.infer<typeof zTimelineEntryMessage>;

/** The domain's fold of a case as the server stored it after a change. Only its outline is checked here: the server
 *  wrote it with the domain's own `evolve`, and the receiver reads it with the domain's functions. */
export const zCaseStateMessage = z.custom<CaseState>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { version?: unknown }).version === 'number' &&
    Array.isArray((v as { clocks?: unknown }).clocks) &&
    typeof (v as { status?: unknown }).status === 'string',
  // Never shown to a person: a malformed message is dropped on receipt.
  { message: 'invalid-case-state' },
);

/** What an open case workspace needs of a change to its case: sent with the change, only to the sockets that joined
 *  the case's room and may see the case (participants: the whole state; readers: without the appeal's personal
 *  data). The receiver appends the entries to its timeline and derives clocks and actions from the state with the
 *  domain, without a request; entries that do not follow the version it holds mean it missed some: it reloads once. */
export const zCaseDetailChange = z.object({
  caseId: zId,
  /** The case's version after the change (its last entry's). */
  version: z.number().int().positive(),
  state: zCaseStateMessage,
  /** The batch's events of this case, in version order. */
  entries: z.array(zTimelineEntryMessage).min(1),
});
export type CaseDetailChange = z.infer<typeof zCaseDetailChange>;

export const zChangesSinceRequest = z.object({
  afterSeq: zSeq,
  /** Page size; the server caps it. */
  limit: z.number().int().min(1).max(1000).optional(),
});
export type ChangesSinceRequest = z.infer<typeof zChangesSinceRequest>;

export const zChangesPage = z.object({
  changes: z.array(zCaseChange),
  /** The rules the page's board rows' clocks name, by key. */
  rules: zClockRules,
  /** More changes exist after the last one in `changes`: ask again from there. */
  hasMore: z.boolean(),
  /** The organisation's highest committed seq when the page was read. A client that read every page up to one
   *  without `hasMore` has seen every change up to it that it may see: the others' seqs are not gaps for it. */
  headSeq: zSeq,
});
export type ChangesPage = z.infer<typeof zChangesPage>;

export const zHello = z.object({
  serverTime: z.number(),
  /** The organisation's highest committed seq at connect: a fresh client starts from here after its snapshot. */
  headSeq: zSeq,
  who: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('person'), personId: zId, fullName: z.string(), organisationId: zId }),
    z.object({ kind: z.literal('display'), displayId: zId, organisationId: zId }),
  ]),
});
export type Hello = z.infer<typeof zHello>;

/** Sent on connect and every few seconds: the client's offset is serverTime − (sentAt + receivedAt) / 2. */
export const zServerTime = z.object({ serverTime: z.number() });
export const zTimeProbe = z.object({ clientSentAt: z.number() });
export const zTimeProbeReply = z.object({ clientSentAt: z.number(), serverTime: z.number() });

export const zPresenceViewer = z.object({ personId: zId, fullName: z.string(), typing: z.boolean() });
export type PresenceViewer = z.infer<typeof zPresenceViewer>;
export const zPresenceState = z.object({ caseId: zId, viewers: z.array(zPresenceViewer) });
export type PresenceState = z.infer<typeof zPresenceState>;

/** Ids a client names in a request are uuids: anything else is refused before it reaches a query. */
const zUuid = z.uuid({ message: 'validation.id' });

export const zCaseRoomRequest = z.object({ caseId: zUuid });
export const zTypingRequest = z.object({ caseId: zUuid, typing: z.boolean() });

/** Which text a draft holds: the composer's answer, or one department's contribution to a combined answer. */
export const zDraftSlot = z.union([z.literal('answer'), z.string().regex(/^contribution:[^\s]+$/)]);
export type DraftSlot = z.infer<typeof zDraftSlot>;

export const zDraft = z.object({
  caseId: zId,
  slot: zDraftSlot,
  text: z.string(),
  /** 1 after the first save; each save adds one. 0 = nothing saved yet. */
  version: z.number().int().nonnegative(),
  updatedBy: z.object({ personId: zId, fullName: z.string() }).nullable(),
  updatedAt: z.number().nullable(),
});
export type Draft = z.infer<typeof zDraft>;

export const zDraftSaveRequest = z.object({
  caseId: zUuid,
  slot: zDraftSlot,
  /** The version the text was edited from; a save over a newer version is a conflict. */
  baseVersion: z.number().int().nonnegative(),
  text: z.string().max(50_000, 'validation.draft-too-long'),
});
export type DraftSaveRequest = z.infer<typeof zDraftSaveRequest>;

export const zDraftSaveReply = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), draft: zDraft }),
  /** Someone saved in between: both texts are returned, nothing is overwritten. */
  z.object({ status: z.literal('conflict'), current: zDraft, yours: z.string() }),
]);
export type DraftSaveReply = z.infer<typeof zDraftSaveReply>;

/** The reply to joining a case's room: the shared drafts, and the case's version once the socket is in the room:
 *  every later change reaches it live, so a detail older than this must be read again. */
export const zCaseJoinReply = z.object({
  caseId: zId,
  drafts: z.array(zDraft),
  version: z.number().int().nonnegative(),
});
export type CaseJoinReply = z.infer<typeof zCaseJoinReply>;

export const NOTIFICATION_KINDS = [
  /** A new message waits for triage (to every curator). */
  'registered',
  'assigned',
  'returned-to-you',
  'part-received',
  /** A draft waits for the curator's approval. */
  'draft-submitted',
  'draft-approved',
  'draft-returned',
  'clock-at-risk',
  'clock-breached',
  'deficiency-notice',
  'alert-to-head',
  /** A channel account stopped working (token revoked, permissions…): the curators are told once per breakage. */
  'channel-broken',
] as const;
export const zNotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof zNotificationKind>;

export const zNotification = z.object({
  id: zId,
  kind: zNotificationKind,
  /** Both languages, Russian first: what clients without the catalogue show (and all that rows from before 0013 have). */
  title: z.string(),
  body: z.string(),
  /** The message as a key of the notification catalogue (notification-messages.ts) and its parameters; null for rows
   *  stored before the keys. */
  key: z.string().nullable().optional(),
  params: z.record(z.string(), z.unknown()).nullable().optional(),
  caseId: z.string().nullable(),
  createdAt: z.number(),
  readAt: z.number().nullable(),
  /** Alerts to the head: the web shows a banner that must be acknowledged. */
  urgent: z.boolean(),
});
export type Notification = z.infer<typeof zNotification>;

export const zNotificationsPage = z.object({ items: z.array(zNotification), unread: z.number().int() });
export const zNotificationsListRequest = z.object({
  limit: z.number().int().min(1).max(200).optional(),
  onlyUnread: z.boolean().optional(),
});
export const zMarkReadRequest = z.object({ ids: z.array(zUuid).min(1).max(500) });

/** A refused request's acknowledgement: the server's log text (both languages), the error's code, and the key and
 *  parameters in the server's catalogue (server-messages.ts) or the domain's refusals that readers word. */
export interface AckRefusal {
  ok: false;
  error: string;
  code?: string | undefined;
  key?: string | undefined;
  params?: Readonly<Record<string, unknown>> | undefined;
}
/** Every acknowledgement is a result or a refusal. */
export type Ack<T> = (reply: { ok: true; value: T } | AckRefusal) => void;

/** A refused acknowledgement as an error shaped like a tRPC client's (`data.code`, `data.key`, `data.params`), so the
 *  web words both the same way, in its reader's language. */
export class AckRefusedError extends Error {
  readonly data: {
    readonly code: string;
    readonly key: string | null;
    readonly params: Readonly<Record<string, unknown>> | null;
  };
  constructor(reply: AckRefusal) {
    super(reply.error);
    this.name = 'AckRefusedError';
    this.data = { code: reply.code ?? 'REFUSED', key: reply.key ?? null, params: reply.params ?? null };
  }
}

/** An acknowledgement's value, or its refusal thrown as an AckRefusedError. */
export function ackValue<T>(reply: { ok: true; value: T } | AckRefusal): T {
  if (reply.ok) return reply.value;
  throw new AckRefusedError(reply);
}

export interface ServerToClientEvents {
  hello: (hello: Hello) => void;
  'server:time': (time: z.infer<typeof zServerTime>) => void;
  /** The server is stopping: reconnect (another node, or this one after restart). */
  'server:shutdown': (info: { reconnectAfterMs: number }) => void;
  /** The session ended (signed out, expired, deactivated) or the display token was revoked: sign in again. */
  'auth:expired': (info: {
    message: string;
    code: 'session-ended' | 'display-key-revoked';
    /** The message's key in the server catalogue (server-messages.ts), for the reader's language. */
    key?: string;
  }) => void;
  'case:changes': (message: CaseChanges) => void;
  /** A change of a case this socket joined the room of (`case:join`), with what its workspace shows. */
  'case:detail': (change: CaseDetailChange) => void;
  'presence:state': (state: PresenceState) => void;
  'draft:saved': (draft: Draft) => void;
  'notification:new': (notification: Notification) => void;
  'notification:count': (count: { unread: number }) => void;
}

export interface ClientToServerEvents {
  'changes:since': (request: ChangesSinceRequest, ack: Ack<ChangesPage>) => void;
  'time:probe': (probe: z.infer<typeof zTimeProbe>, ack: Ack<z.infer<typeof zTimeProbeReply>>) => void;
  'case:join': (request: z.infer<typeof zCaseRoomRequest>, ack: Ack<CaseJoinReply>) => void;
  'case:leave': (request: z.infer<typeof zCaseRoomRequest>, ack: Ack<null>) => void;
  'case:typing': (request: z.infer<typeof zTypingRequest>, ack: Ack<null>) => void;
  'draft:save': (request: DraftSaveRequest, ack: Ack<DraftSaveReply>) => void;
  'notifications:list': (
    request: z.infer<typeof zNotificationsListRequest>,
    ack: Ack<z.infer<typeof zNotificationsPage>>,
  ) => void;
  'notifications:mark-read': (request: z.infer<typeof zMarkReadRequest>, ack: Ack<{ unread: number }>) => void;
}

/** What the server keeps on each socket (socket.data), also visible to fetchSockets() on other nodes. */
export interface SocketData {
  who:
    | {
        kind: 'person';
        personId: string;
        fullName: string;
        organisationId: string;
        roles: string[];
        /** Departments the person belongs to or heads (the domain Actor's departmentIds). */
        departmentIds: string[];
        /** People this person stands in for at the handshake (the domain Actor's substituteFor). */
        substituteFor: string[];
      }
    | {
        kind: 'display';
        displayId: string;
        organisationId: string;
        /** The token's filters: which cases this wall shows (cases/rows.ts `zWallFilters`). */
        filters: { departmentId?: string; category?: string };
      };
  viewing: string[];
  typing: string[];
}
