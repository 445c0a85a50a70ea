// One interface for every network's connector: collect since a cursor, publish a reply in a thread, fetch the
// thread's context, describe the account. The collector, the outbox worker and the webhooks know only this.
import { z } from 'zod';

export const CHANNEL_NETWORKS = ['vk', 'ok', 'telegram', 'max'] as const;
export const zChannelNetwork = z.enum(CHANNEL_NETWORKS);
export type ChannelNetwork = z.infer<typeof zChannelNetwork>;

/** Public API base URLs; an account may point elsewhere (a proxy, a test server). */
export const DEFAULT_API_BASE: Record<ChannelNetwork, string> = {
  vk: 'https://api.vk.ru/method',
  ok: 'https://api.ok.ru',
  telegram: 'https://api.telegram.org',
  max: 'https://platform-api.max.ru',
};

/** What the secret box of an account holds. */
export const zChannelSecrets = z.object({
  token: z.string().min(1),
  /** OK: the application's secret key (signs every call). */
  appSecret: z.string().optional(),
  /** Verifies webhook calls: VK Callback API `secret`, Telegram secret_token, MAX subscription secret. */
  webhookSecret: z.string().min(16),
});
export type ChannelSecrets = z.infer<typeof zChannelSecrets>;

/** Non-secret connector settings. */
export const zChannelSettings = z.object({
  /** OK: the application's public key. */
  applicationKey: z.string().optional(),
  /** VK Callback API: the confirmation string VK expects back on the first call. */
  confirmationCode: z.string().optional(),
  /** OK: topics (mediatopic ids) whose comments are collected; the newest are found when empty. */
  topics: z.array(z.string()).optional(),
});
export type ChannelSettings = z.infer<typeof zChannelSettings>;

export interface AccountConfig {
  readonly id: string;
  readonly network: ChannelNetwork;
  /** Community / group / bot id as the network knows it (null until described). */
  readonly externalId: string | null;
  readonly apiBaseUrl: string;
  readonly settings: ChannelSettings;
  readonly secrets: ChannelSecrets;
}

/** Where a reply goes: the original item's place in the network. Stored as JSON, read back through zod. */
export const zThreadRef = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('vk-wall-comment'),
    ownerId: z.number().int(),
    postId: z.number().int(),
    commentId: z.number().int(),
  }),
  z.object({ kind: z.literal('vk-message'), peerId: z.number().int(), messageId: z.number().int() }),
  z.object({
    kind: z.literal('telegram-message'),
    chatId: z.number().int(),
    messageId: z.number().int(),
    private: z.boolean(),
    chatUsername: z.string().optional(),
  }),
  z.object({
    kind: z.literal('max-message'),
    chatId: z.number().int(),
    mid: z.string(),
    private: z.boolean(),
    userId: z.number().int().optional(),
  }),
  z.object({ kind: z.literal('ok-comment'), groupId: z.string(), topicId: z.string(), commentId: z.string() }),
]);
export type ThreadRef = z.infer<typeof zThreadRef>;

export interface CollectedAttachment {
  readonly kind: 'photo' | 'video' | 'document' | 'other';
  readonly url: string;
  readonly name?: string;
}

/** One thing that happened in the account: a new message or comment, or an edit or deletion of one. */
export type CollectedItem =
  | {
      readonly type: 'new';
      readonly externalId: string;
      readonly thread: ThreadRef;
      readonly url: string;
      readonly author: { readonly name: string; readonly profileUrl?: string };
      readonly text: string;
      /** Epoch ms; Idrinsky 3.1 and 3.3 count from it. */
      readonly postedAt?: number;
      readonly visibility: 'public' | 'private';
      readonly attachments: readonly CollectedAttachment[];
    }
  | { readonly type: 'edit'; readonly externalId: string; readonly text: string; readonly editedAt?: number }
  | { readonly type: 'delete'; readonly externalId: string; readonly deletedAt?: number };

export interface CollectResult {
  readonly items: readonly CollectedItem[];
  /** The cursor after these items: persisted only once every item is stored. */
  readonly cursor: Record<string, unknown>;
  /** More is waiting: collect again without pausing. */
  readonly more: boolean;
}

export interface ReplyAttachment {
  readonly kind: string;
  readonly url: string;
  readonly name?: string;
  /** Bytes of a file uploaded to Otklik (the network cannot fetch our private URLs). */
  readonly content?: { readonly bytes: Uint8Array; readonly contentType: string; readonly fileName: string };
}

export interface Reply {
  /** The outbox row id: networks that support it use it as their own idempotency key (VK random_id). */
  readonly requestId: string;
  readonly text: string;
  readonly attachments: readonly ReplyAttachment[];
}

export interface PostedReply {
  readonly postId: string;
  readonly url: string;
}

export interface ThreadMessage {
  readonly id: string;
  readonly author: string;
  readonly text: string;
  readonly at?: number;
  /** Posted by this account (our own reply). */
  readonly ours: boolean;
}

export interface AccountDescription {
  readonly externalId: string;
  readonly title: string;
  readonly url: string;
  /** null: the token does not expire (VK community and Telegram/MAX bot tokens). */
  readonly tokenExpiresAt: number | null;
}

export interface CollectOptions {
  readonly signal?: AbortSignal;
  /** Long-poll wait in seconds (0 in tests and when catching up). */
  readonly waitSeconds?: number;
}

export interface Connector {
  readonly network: ChannelNetwork;
  describe(): Promise<AccountDescription>;
  collect(cursor: Record<string, unknown>, options?: CollectOptions): Promise<CollectResult>;
  publish(thread: ThreadRef, reply: Reply): Promise<PostedReply>;
  /** The original and the replies around it: shown to the executor, and checked for our reply before a resend. */
  fetchThread(thread: ThreadRef): Promise<readonly ThreadMessage[]>;
  /** Networks that register webhooks by API (Telegram setWebhook, MAX subscriptions); null url = back to polling.
   *  VK's Callback API is set up by the administrator in the community settings instead. */
  setWebhook?(url: string | null, secret: string): Promise<void>;
}
