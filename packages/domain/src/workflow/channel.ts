// What the channel connectors add to a case: a publication requested through a network account (outbox) and
// its failures, and edits or deletions of the citizen's original message. Kept apart from the core workflow so
// the regulation's steps stay readable; the publish clock stops only at the network's acceptance (answer-published).
import { z } from 'zod';
import type { Instant } from '../calendar/types';

const zId = z.string().min(1, 'validation.required');
const zInstant = z.number().int().nonnegative();

/** The publisher asks the server to post the approved draft in the original thread (one outbox row = requestId). */
export const zRequestPublicationCommand = z.object({ type: z.literal('request-publication'), requestId: zId });
/** The outbox worker could not post it (yet): `retrying` false means a person must act (token, thread gone…). */
export const zRecordPublicationFailureCommand = z.object({
  type: z.literal('record-publication-failure'),
  requestId: zId,
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    // What people read, as a key of the server's message catalogue and its parameters (older events: `message`).
    said: z.object({ key: z.string().min(1), params: z.record(z.string(), z.unknown()) }).optional(),
  }),
  retrying: z.boolean(),
});
/** The author edited the original message in the network (text after the edit). */
export const zRecordMessageEditCommand = z.object({
  type: z.literal('record-message-edit'),
  text: z.string(),
  editedAt: zInstant.optional(),
});
/** The original message was deleted in the network (by its author or a moderator). */
export const zRecordMessageDeletionCommand = z.object({
  type: z.literal('record-message-deletion'),
  deletedAt: zInstant.optional(),
});

interface Envelope<T extends string> {
  readonly type: T;
  readonly at: Instant;
  readonly by: string;
}
export interface PublicationRequested extends Envelope<'publication-requested'> {
  readonly requestId: string;
  readonly kind: 'answer' | 'intermediate';
}
/** A publication failure's words: a key of the server's catalogue and its parameters (absent on older events). */
export interface PublicationFailureWords {
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>>;
}
export interface PublicationFailed extends Envelope<'publication-failed'> {
  readonly requestId: string;
  readonly error: { readonly code: string; readonly message: string; readonly said?: PublicationFailureWords };
  readonly retrying: boolean;
}
export interface MessageEdited extends Envelope<'message-edited'> {
  readonly text: string;
  readonly previousText: string;
  readonly editedAt?: Instant;
}
export interface MessageDeleted extends Envelope<'message-deleted'> {
  readonly deletedAt?: Instant;
}
export type ChannelEvent = PublicationRequested | PublicationFailed | MessageEdited | MessageDeleted;

/** A publication requested through a channel account and not yet accepted by the network. */
export interface PendingPublication {
  readonly requestId: string;
  readonly kind: 'answer' | 'intermediate';
  readonly requestedBy: string;
  readonly requestedAt: Instant;
  readonly failure: {
    readonly code: string;
    readonly message: string;
    readonly said?: PublicationFailureWords;
    readonly at: Instant;
    readonly retrying: boolean;
  } | null;
}

/** What the channel events change in a case's state (fields are optional so states stored before them still read). */
export interface ChannelState {
  readonly pendingPublication?: PendingPublication | null;
  readonly messageEditedAt?: Instant | null;
  readonly messageDeletedAt?: Instant | null;
}

/** The network account a case's message came through, as publishing through it sees it: `none` when no account
 *  collected the message (registered by hand), `disabled` when the account is switched off, deleted or without its
 *  token, `connected` otherwise. */
export type PublicationChannel = 'none' | 'disabled' | 'connected';

/** The account a message was collected by, as stored: null when no account collected it; `account` null when the
 *  account no longer exists. */
export interface ChannelSource {
  readonly account: { readonly enabled: boolean; readonly hasToken: boolean } | null;
}

export function publicationChannel(source: ChannelSource | null): PublicationChannel {
  if (!source) return 'none';
  return source.account?.enabled && source.account.hasToken ? 'connected' : 'disabled';
}

/** Why a publication cannot go through the case's account (it is then published by hand, with its link), or null
 *  when it can. The reasons are keys of the server's message catalogue under `publication.`. */
export function channelPublicationRefusal(channel: PublicationChannel): 'no-channel' | 'channel-disabled' | null {
  if (channel === 'none') return 'no-channel';
  return channel === 'connected' ? null : 'channel-disabled';
}
