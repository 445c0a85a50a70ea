// The socket.io server on the HTTP server tRPC uses: authentication, rooms, catch-up, server time, presence,
// drafts, the notification feed, and the broadcast of every committed change (through PostgreSQL between nodes).
import type { Server as HttpServer } from 'node:http';
import {
  type Ack,
  type AckRefusal,
  type ClientToServerEvents,
  type MessageLang,
  type ServerToClientEvents,
  type SocketData,
  zCaseRoomRequest,
  zChangesSinceRequest,
  zDraftSaveRequest,
  zMarkReadRequest,
  zNotificationsListRequest,
  zTimeProbe,
  zTypingRequest,
} from '@otklik/contract';
import { type Actor, actorAudiences, canSeeCase, mayEditDraft, type Role } from '@otklik/domain';
import { createAdapter } from '@socket.io/postgres-adapter';
import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import { parseCookies, SESSION_COOKIE } from '../auth/sessions';
import { loadParties, notVisible } from '../cases/access';
import { isSingleNode } from '../db/connect';
import { cases } from '../db/schema';
import type { ServerDeps } from '../deps';
import { APP_ERROR_CODES, type AppErrorCode, appError } from '../errors/app-error';
import { toClientError } from '../errors/client-error';
import { firstIssue } from '../errors/input-issue';
import { messageInRequestLanguage, requestLanguage } from '../errors/language';
import { findInvalidText, invalidTextError } from '../errors/text-input';
import type { CommittedEvent } from '../events-bus';
import { createKeyedSequence } from '../events-order';
import { checkOrigin } from '../http/origin';
import { DISPLAY_KEY_MESSAGES, DISPLAY_KEY_REVOKED, displayKeyMessages } from '../intake/api-keys';
import { log } from '../log';
import { listNotifications, markRead } from '../notifications/delivery-feed';
import type { LivePush, PushedNotification } from '../notifications/delivery-live';
import { createAdapterPool } from './adapter-pool';
import { authenticateSocket, SocketAuthError } from './auth';
import { createBroadcast } from './broadcast';
import { changesSince, committedBetween, headSeq } from './changes';
import { createBroadcastWindow, type WindowPart } from './coalesce';
import { type CommittedBatch, createDeliveryOrder } from './delivery-order';
import { loadDrafts, saveDraft } from './drafts';
import { broadcastPresence, TYPING_EXPIRES_MS } from './presence';
import { createPrevSeqTracker } from './prev-seq';
import { caseAudienceRoom, caseRoom, displayRoom, userRoom, wallFilterRoom } from './rooms';
import { createSessionCheck } from './session-check';
import { createViewGroups, type ViewGroups } from './view-groups';

/** What nodes tell each other (through the PostgreSQL adapter): a batch committed on the sending node. */
interface InterNodeEvents {
  'case:committed': (batch: CommittedBatch) => void;
  'notifications:stored': (items: readonly PushedNotification[]) => void;
}
export type Io = Server<ClientToServerEvents, ServerToClientEvents, InterNodeEvents, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterNodeEvents, SocketData>;

export interface RealtimeOptions {
  httpServer: HttpServer;
  deps: ServerDeps;
  /** How often every client gets the server time (default 15 s). */
  timeIntervalMs?: number;
  /** How often the sessions behind the sockets are checked again (default 10 s). */
  sessionCheckMs?: number;
  /** How often an organisation's receivers are sent their changes at most (broadcast.ts, default 100 ms). */
  broadcastIntervalMs?: number;
  /** How often the other nodes are told of an organisation's commits here at most (default 50 ms). */
  noticeIntervalMs?: number;
}

/** One notice to the other nodes per organisation and this interval at most: the NOTIFY of every commit was a
 *  statement, a round trip and a message to every listening node, each command's (BENCHMARKS.md note 30). */
export const NOTICE_INTERVAL_MS = 50;

/** The window's batch with the highest seq (what a notice names), or none. */
function latestBatch(
  parts: readonly WindowPart<CommittedEvent>[],
): Pick<CommittedBatch, 'events' | 'prev'> | undefined {
  let latest: Pick<CommittedBatch, 'events' | 'prev'> | undefined;
  let top = Number.NEGATIVE_INFINITY;
  for (const part of parts) {
    if (part.kind !== 'events') continue;
    const seq = part.events.at(-1)?.seq;
    if (seq !== undefined && seq > top) {
      top = seq;
      latest = { events: part.events, prev: part.prev };
    }
  }
  return latest;
}

export interface Realtime extends LivePush {
  readonly io: Io;
  /** Tells every client of this node to reconnect, disconnects them and closes the adapter. */
  close(): Promise<void>;
}

/** A refusal as an acknowledgement carries it: the code a tRPC client would get, the key and parameters the reader
 *  words, and the same in words in the socket's language (its handshake's Accept-Language) for a reader without the
 *  catalogue. */
function ackRefusal(
  message: string,
  code: AppErrorCode,
  said: { readonly key?: string | null; readonly params?: Readonly<Record<string, unknown>> | null } | null,
  lang: MessageLang,
): AckRefusal {
  return {
    ok: false,
    error: messageInRequestLanguage(said, lang, message),
    code: APP_ERROR_CODES[code].trpc,
    key: said?.key ?? undefined,
    params: said?.params ?? undefined,
  };
}

/** Wraps a handler: validates the payload with zod, answers through the ack with a result or a readable error, worded
 *  in `lang` (the socket's). */
const handlerIn =
  (lang: MessageLang) =>
  <S extends z.ZodType, T>(schema: S, fn: (input: z.infer<S>) => Promise<T>): ((input: unknown, ack: Ack<T>) => void) =>
  (input, ack) => {
    const reply = typeof ack === 'function' ? ack : () => {};
    const invalid = findInvalidText(input);
    if (invalid) {
      const refused = invalidTextError(invalid);
      reply(ackRefusal(refused.message, refused.code, refused, lang));
      return;
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const { key, params, message } = firstIssue('input', parsed.error);
      reply(ackRefusal(message, 'BAD_INPUT', { key, params }, lang));
      return;
    }
    fn(parsed.data).then(
      (value) => reply({ ok: true, value }),
      // The shared mapping: a readable message, never SQL text or a stack (issue 11 item 10).
      (error: unknown) => {
        const client = toClientError(error, 'socket');
        reply(ackRefusal(client.message, client.code, client.refusal, lang));
      },
    );
  };

const forbidden = () => appError('FORBIDDEN', 'auth.access-denied', {});

/** The domain Actor of a signed-in socket (as it was at the handshake). */
export function socketActor(who: Extract<SocketData['who'], { kind: 'person' }>): Actor {
  return {
    personId: who.personId,
    roles: who.roles as Role[],
    departmentIds: who.departmentIds,
    substituteFor: who.substituteFor,
  };
}

const PERSON_REQUESTS = [
  'case:join',
  'case:leave',
  'case:typing',
  'draft:save',
  'notifications:list',
  'notifications:mark-read',
] as const satisfies readonly (keyof ClientToServerEvents)[];

export async function attachRealtime(options: RealtimeOptions): Promise<Realtime> {
  const { deps, httpServer } = options;
  const io: Io = new Server(httpServer, {
    serveClient: false,
    // The handshake of a socket carrying the session cookie must come from the app's own origin (issue 11 item 12:
    // a page on another port read the event log with the victim's cookie).
    allowRequest: (req, callback) => {
      // A browser's WebSocket always sends Origin; its long-polling GET may not (same origin), and a page of another
      // origin cannot read a polling answer anyway (no CORS). So: an Origin, when present, must be ours; a GET without
      // one must not come from another site (Sec-Fetch-Site); anything else with the session cookie needs Origin.
      const ambient = parseCookies(req.headers.cookie)[SESSION_COOKIE] !== undefined && req.method !== 'GET';
      const verdict = checkOrigin(deps.origins, req.headers, ambient);
      // engine.io sends a refusal as text only: in the request's language (Accept-Language), from the catalogue.
      if (verdict.ok) return callback(null, true);
      const said = {
        key: 'realtime.origin-refused',
        params: { reason: verdict.reason, ...(verdict.origin ? { origin: verdict.origin } : {}) },
      };
      callback(messageInRequestLanguage(said, requestLanguage(req.headers['accept-language']), said.key), false);
    },
  });
  let pool: pg.Pool | null = null;
  const database = deps.database;
  if (database.raw.kind === 'postgres') {
    // Broadcasts between nodes go through PostgreSQL NOTIFY; big payloads through socket_io_attachments.
    pool = createAdapterPool(database as typeof database & { raw: { kind: 'postgres' } }, deps.health);
    io.adapter(
      createAdapter(pool, {
        errorHandler: (error) => log.error({ err: error }, 'realtime adapter'),
      }),
    );
  } else {
    deps.health.report('broadcast', true, 'one node (embedded database)');
  }

  const sessionCheck = createSessionCheck(deps);
  io.use((socket, next) => {
    authenticateSocket(deps, { cookieHeader: socket.handshake.headers.cookie, auth: socket.handshake.auth ?? {} }).then(
      ({ who, credential }) => {
        socket.data = { who, viewing: [], typing: [] };
        sessionCheck.track(socket.id, credential);
        socket.once('disconnect', () => sessionCheck.forget(socket.id));
        next();
      },
      // A refused sign-in says why; anything else (the database is down…) goes through the shared mapping. Either
      // in the handshake's language (its key, when it has one, travels in the error's data).
      (error: unknown) => {
        const lang = requestLanguage(socket.handshake.headers['accept-language']);
        if (error instanceof SocketAuthError) return next(error.in(lang));
        const client = toClientError(error, 'socket handshake');
        next(new Error(messageInRequestLanguage(client.refusal, lang, client.message)));
      },
    );
  });

  // Each receiver gets its own sequence (view-groups.ts): every node sends every change to its own receivers.
  const views = createViewGroups();
  io.on('connection', (socket) => onConnection(io, deps, socket, views));

  // Server time on connect (in hello) and periodically, to this node's clients only (each node times its own).
  const timer = setInterval(
    () => io.local.emit('server:time', { serverTime: deps.now() }),
    options.timeIntervalMs ?? 15_000,
  );
  timer.unref();
  const checker = setInterval(() => {
    sessionCheck.expired().then(
      (ids) => {
        for (const id of ids) {
          const socket = io.sockets.sockets.get(id);
          // A wall's key can only end by revocation (display tokens do not expire): it is told so by code.
          const lang = requestLanguage(socket?.handshake.headers['accept-language']);
          socket?.emit(
            'auth:expired',
            socket.data.who.kind === 'display'
              ? {
                  message: messageInRequestLanguage(
                    { key: DISPLAY_KEY_MESSAGES[DISPLAY_KEY_REVOKED] },
                    lang,
                    displayKeyMessages[DISPLAY_KEY_REVOKED],
                  ),
                  code: DISPLAY_KEY_REVOKED,
                  key: DISPLAY_KEY_MESSAGES[DISPLAY_KEY_REVOKED],
                }
              : {
                  message: messageInRequestLanguage({ key: 'realtime.session-ended' }, lang, 'session ended'),
                  code: 'session-ended',
                  key: 'realtime.session-ended',
                },
          );
          socket?.disconnect(true);
          sessionCheck.forget(id);
        }
      },
      (error: unknown) => log.error({ err: error }, 'session check failed'),
    );
  }, options.sessionCheckMs ?? 10_000);
  checker.unref();

  // Changes are sent in commit order per organisation: each batch waits for the previous one of its organisation.
  // Every node sends each change to its own sockets only (`io.local`); a batch committed here is announced to the
  // other nodes (one notice through the adapter), and each puts it in order with the ones it has sent.
  const broadcasts = createKeyedSequence((error) => log.error({ err: error }, 'realtime broadcast failed'));
  const prevSeqs = createPrevSeqTracker(deps.db, { singleNode: isSingleNode(deps.database) });
  // Sent in windows per organisation (broadcast.ts): one message per receiver group and window.
  const broadcast = createBroadcast(io, deps, views, options.broadcastIntervalMs);
  const order = createDeliveryOrder({
    readBetween: (organisationId, afterSeq, upToSeq, limit) =>
      committedBetween(deps.db, organisationId, afterSeq, upToSeq, limit),
    send: async (organisationId, events, prev) => broadcast.send(organisationId, events, prev),
    restart: (organisationId) => broadcast.restart(organisationId),
  });
  // The other nodes are told of this node's commits in windows per organisation: the first batch after a quiet spell
  // at once, then the latest batch of each window. Its `prev` shows a node that missed the batches in between, and
  // that node reads them from the log (delivery-order.ts), as it does for notices that arrive out of order. The
  // latest is the one with the highest seq, not the last added: concurrent commits reach the bus in any order, and a
  // notice naming an earlier batch would leave the later ones untold.
  const notices = pool
    ? createBroadcastWindow<CommittedEvent, void>({
        intervalMs: options.noticeIntervalMs ?? NOTICE_INTERVAL_MS,
        read: async () => {},
        send: (organisationId, parts) => {
          const latest = latestBatch(parts);
          if (latest) io.serverSideEmit('case:committed', { organisationId, ...latest });
        },
        onError: (error) => log.error({ err: error }, 'realtime notice failed'),
      })
    : null;
  const unsubscribe = deps.bus.onCommitted((events, context) => {
    const first = events[0];
    const last = events.at(-1);
    if (!first || !last) return;
    const organisationId = first.organisationId;
    // Asked now, not in the batch's turn: the batches of an organisation do not wait for each other's reads.
    const prev = prevSeqs.before(organisationId, first.seq, last.seq, context.prevSeq);
    if (context.row) broadcast.written(events, context.row);
    // Kept from an unhandled rejection while it waits for its turn; the turn reports it.
    prev.catch(() => {});
    broadcasts.run(organisationId, async () => {
      const batch = { organisationId, events, prev: await prev };
      notices?.add(organisationId, { kind: 'events', events, prev: batch.prev });
      await order.deliver(batch);
    });
  });
  // Notifications stored on this node or another: each node pushes them to its own sockets.
  const pushLocally = (items: readonly PushedNotification[]) => {
    for (const { personId, notification, unread } of items) {
      io.local.to(userRoom(personId)).emit('notification:new', notification);
      io.local.to(userRoom(personId)).emit('notification:count', { unread });
    }
  };
  io.on('notifications:stored', (items) => {
    if (!Array.isArray(items)) return;
    pushLocally(items.filter((item) => typeof item?.personId === 'string'));
  });
  // A batch another node committed (its notice comes through the adapter, from our own database).
  io.on('case:committed', (batch: CommittedBatch) => {
    if (typeof batch?.organisationId !== 'string' || !Array.isArray(batch.events)) return;
    broadcasts.run(batch.organisationId, () => order.deliver(batch));
  });

  let closed: Promise<void> | null = null;
  return {
    io,
    notify(items) {
      if (items.length === 0) return;
      pushLocally(items);
      // The other nodes' sockets: one notice for the batch (each emit to a room would be a NOTIFY of its own).
      if (pool) io.serverSideEmit('notifications:stored', items);
    },
    close() {
      closed ??= (async () => {
        unsubscribe();
        clearInterval(timer);
        clearInterval(checker);
        await broadcasts.idle();
        await broadcast.idle();
        await notices?.idle();
        io.local.emit('server:shutdown', { reconnectAfterMs: 500 });
        // Give the shutdown notice a moment to leave before the sockets close.
        await new Promise((resolve) => setTimeout(resolve, 50));
        await io.close();
        await pool?.end();
      })();
      return closed;
    },
  };
}

function onConnection(io: Io, deps: ServerDeps, socket: IoSocket, views: ViewGroups): void {
  const who = socket.data.who;
  const lang = requestLanguage(socket.handshake.headers['accept-language']);
  const handle = handlerIn(lang);
  // Rooms are joined before any request of the client is handled: a client that catches up after connecting
  // cannot miss a change committed in between (it arrives live, or in the catch-up, or both).
  if (who.kind === 'person') {
    const audiences = actorAudiences(socketActor(who));
    const room = views.join(who.organisationId, audiences);
    socket.once('disconnect', () => views.leave(who.organisationId, audiences));
    void socket.join([room, userRoom(who.personId)]);
  } else {
    const filtered = wallFilterRoom(who.organisationId, who.filters);
    void socket.join(filtered ? [displayRoom(who.organisationId), filtered] : displayRoom(who.organisationId));
  }
  const viewer = who.kind === 'person' ? socketActor(who) : undefined;
  void headSeq(deps.db, who.organisationId).then(
    (head) => socket.emit('hello', { serverTime: deps.now(), headSeq: head, who: publicWho(who) }),
    (error: unknown) => log.error({ err: error }, 'hello failed'),
  );

  socket.on(
    'changes:since',
    handle(zChangesSinceRequest, (req) =>
      changesSince(deps.db, {
        organisationId: who.organisationId,
        afterSeq: req.afterSeq,
        limit: req.limit,
        viewer,
        wallFilters: who.kind === 'display' ? who.filters : undefined,
        now: deps.now(),
      }),
    ),
  );
  socket.on(
    'time:probe',
    handle(zTimeProbe, async (req) => ({ clientSentAt: req.clientSentAt, serverTime: deps.now() })),
  );

  if (who.kind !== 'person') {
    // A wall display only watches: every other request gets a readable refusal instead of silence.
    const readOnly = appError('FORBIDDEN', 'realtime.display-read-only', {});
    for (const event of PERSON_REQUESTS) {
      socket.on(event, (_input: unknown, ack: unknown) => {
        if (typeof ack === 'function') ack(ackRefusal(readOnly.message, readOnly.code, readOnly, lang));
      });
    }
    return;
  }
  const person = who;
  const actor = socketActor(person);

  /** The case's parties when this person may see it; the same refusal as for a case that does not exist. */
  const visibleCase = async (caseId: string) => {
    const parties = await loadParties(deps.db, person.organisationId, caseId);
    if (!parties || !canSeeCase(actor, parties)) throw notVisible();
    return parties;
  };

  const caseRooms = (caseId: string) => actorAudiences(actor).map((a) => caseAudienceRoom(caseId, a));
  const caseVersion = async (caseId: string) => {
    const [row] = await deps.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
    return row?.version ?? 0;
  };

  socket.on(
    'case:join',
    handle(zCaseRoomRequest, async ({ caseId }) => {
      await visibleCase(caseId);
      // The case's own room (presence, drafts) and one per audience of this person (the change details).
      await socket.join([caseRoom(caseId), ...caseRooms(caseId)]);
      if (!socket.data.viewing.includes(caseId)) socket.data.viewing.push(caseId);
      await broadcastPresence(io, caseId);
      // Read after joining: every change after this version reaches the socket live.
      const version = await caseVersion(caseId);
      return { caseId, drafts: await loadDrafts(deps.db, caseId), version };
    }),
  );
  socket.on(
    'case:leave',
    handle(zCaseRoomRequest, async ({ caseId }) => {
      for (const room of [caseRoom(caseId), ...caseRooms(caseId)]) await socket.leave(room);
      socket.data.viewing = socket.data.viewing.filter((id) => id !== caseId);
      socket.data.typing = socket.data.typing.filter((id) => id !== caseId);
      clearTimeout(typingExpiry.get(caseId));
      typingExpiry.delete(caseId);
      await broadcastPresence(io, caseId);
      return null;
    }),
  );
  // A typing mark expires unless renewed (a closed tab, a lost "stopped typing" message): never a stale "печатает".
  const typingExpiry = new Map<string, ReturnType<typeof setTimeout>>();
  const setTypingMark = async (caseId: string, typing: boolean) => {
    clearTimeout(typingExpiry.get(caseId));
    typingExpiry.delete(caseId);
    if (typing) {
      typingExpiry.set(
        caseId,
        setTimeout(() => {
          typingExpiry.delete(caseId);
          void setTypingMark(caseId, false).catch(() => {});
        }, TYPING_EXPIRES_MS),
      );
    }
    const was = socket.data.typing.includes(caseId);
    if (was === typing) return;
    socket.data.typing = typing ? [...socket.data.typing, caseId] : socket.data.typing.filter((id) => id !== caseId);
    await broadcastPresence(io, caseId);
  };
  socket.on(
    'case:typing',
    handle(zTypingRequest, async ({ caseId, typing }) => {
      if (!socket.data.viewing.includes(caseId)) {
        throw appError('BAD_INPUT', 'case.join-first', {});
      }
      await setTypingMark(caseId, typing);
      return null;
    }),
  );
  socket.on(
    'draft:save',
    handle(zDraftSaveRequest, async (req) => {
      const parties = await visibleCase(req.caseId);
      if (!mayEditDraft(actor, parties, req.slot)) throw forbidden();
      const reply = await saveDraft(deps.db, {
        ...req,
        organisationId: person.organisationId,
        personId: person.personId,
        fullName: person.fullName,
        now: deps.now(),
      });
      // Everyone on the case sees the saved text live (the combined answer and each department's contribution).
      if (reply.status === 'saved') io.to(caseRoom(req.caseId)).emit('draft:saved', reply.draft);
      return reply;
    }),
  );
  socket.on(
    'notifications:list',
    handle(zNotificationsListRequest, (req) => listNotifications(deps.db, person.personId, req)),
  );
  socket.on(
    'notifications:mark-read',
    handle(zMarkReadRequest, async ({ ids }) => {
      const unread = await markRead(deps.db, person.personId, ids, deps.now());
      io.to(userRoom(person.personId)).emit('notification:count', { unread });
      return { unread };
    }),
  );
  socket.on('disconnect', () => {
    for (const timer of typingExpiry.values()) clearTimeout(timer);
    typingExpiry.clear();
    for (const caseId of socket.data.viewing) {
      void broadcastPresence(io, caseId).catch(() => {});
    }
  });
}

function publicWho(who: SocketData['who']) {
  return who.kind === 'person'
    ? { kind: 'person' as const, personId: who.personId, fullName: who.fullName, organisationId: who.organisationId }
    : { kind: 'display' as const, displayId: who.displayId, organisationId: who.organisationId };
}
