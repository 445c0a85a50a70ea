// Output schemas of the official-account procedures: the account as the administrator sees it. Its token and
// secrets are never among the keys (only whether a token is set), so a secret column cannot reach the screen even if
// a service returned the whole row.
import { z } from 'zod';

export const zChannelAccountView = z.object({
  id: z.string(),
  network: z.string(),
  title: z.string(),
  url: z.string(),
  externalId: z.string().nullable(),
  mode: z.string(),
  apiBaseUrl: z.string().nullable(),
  enabled: z.boolean(),
  settings: z.object({
    applicationKey: z.string().optional(),
    confirmationCode: z.string().optional(),
    topics: z.array(z.string()).optional(),
  }),
  lastCollectedAt: z.date().nullable(),
  lastItemPostedAt: z.date().nullable(),
  lastLagMs: z.number().nullable(),
  lastErrorCode: z.string().nullable(),
  /** The two-language text of an error stored before the keys (migration 0014); newer ones have a key instead. */
  lastError: z.string().nullable(),
  /** The last error as a key of the server catalogue (@otklik/contract) and its parameters. */
  lastErrorKey: z.string().nullable(),
  lastErrorParams: z.record(z.string(), z.unknown()).nullable(),
  lastErrorAt: z.date().nullable(),
  consecutiveFailures: z.number().int(),
  backoffUntil: z.date().nullable(),
  tokenExpiresAt: z.date().nullable(),
  hasToken: z.boolean(),
  connected: z.boolean(),
  webhookPath: z.string().nullable(),
  broken: z.boolean(),
  createdAt: z.date(),
});

export const zChannelChecked = z.object({
  ok: z.literal(true),
  description: z.object({
    url: z.string(),
    externalId: z.string(),
    title: z.string(),
    tokenExpiresAt: z.number().nullable(),
  }),
  account: zChannelAccountView,
});
