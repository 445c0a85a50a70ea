// Channels: the administrator connects network accounts (tokens go in, never come out) and watches their health;
// the publisher asks for an approved answer to be posted through the account the message came from.
import { publicationChannel, takesPartIn } from '@otklik/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { audited, rowEntry } from '../../audit/record';
import { requireVisibleCase } from '../../cases/access';
import {
  accountConfig,
  createChannelAccount,
  deleteChannelAccount,
  findChannelAccount,
  listChannelAccounts,
  publicAccount,
  secretsOf,
  updateChannelAccount,
  zAccountInput,
  zAccountUpdate,
} from '../../channels/accounts';
import { collectOnce } from '../../channels/collect';
import { ChannelError, lastErrorColumns, toChannelError } from '../../channels/errors';
import { channelSourceOfCase, outboxOfCase, requestPublication, retryPublicationNow } from '../../channels/publication';
import { createConnector } from '../../channels/registry';
import { nudgeCollectors, nudgeOutbox } from '../../channels/runtime';
import { zThreadRef } from '../../channels/types';
import { channelAccounts } from '../../db/schema';
import { AppError, appError } from '../../errors/app-error';
import type { Context } from '../context';
import { zCounter, zId } from '../inputs';
import { zCommandResult } from '../outputs-cases';
import { zChannelAccountView, zChannelChecked } from '../outputs-channels';
import { zOk } from '../outputs-directory';
import { zCaseChannel, zRetried, zThreadComment, zWebhookSetup } from '../outputs-reports';
import { adminProcedure, protectedProcedure, router } from '../trpc';

/** What the audit log keeps of an account's form: its fields, and which credentials were given, never their values
 *  (a key named like a secret would be masked by the log anyway: the names go in a list). */
function auditedAccountFields(input: Partial<z.input<typeof zAccountInput>> & { id?: string }) {
  const { token, appSecret, applicationKey, confirmationCode, id: _id, ...fields } = input;
  const given = Object.entries({ token, appSecret, applicationKey, confirmationCode })
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  return { ...fields, ...(given.length > 0 ? { credentialsGiven: given } : {}) };
}

type SignedIn = Context & { user: NonNullable<Context['user']> };

/** A case's channel is part of the case: only those who see the case (the domain's rule) see it. */
const requireSeen = (ctx: SignedIn, caseId: string) =>
  requireVisibleCase(ctx.deps.db, ctx.user.organisationId, caseId, ctx.user.actor);

const asAppError = (error: unknown) => {
  if (error instanceof AppError) return error;
  const e = error instanceof ChannelError ? error : toChannelError(error);
  return appError('DOMAIN_REFUSED', 'channel.failed', { code: e.code, detail: e.detail }, { channelError: e.code });
};

export const channelsRouter = router({
  accounts: adminProcedure
    .output(z.array(zChannelAccountView))
    .query(async ({ ctx }) => (await listChannelAccounts(ctx.deps.db, ctx.user.organisationId)).map(publicAccount)),

  create: adminProcedure
    .input(zAccountInput)
    .output(zChannelAccountView)
    .mutation(async ({ ctx, input }) => {
      const account = await audited(
        ctx,
        (tx) => createChannelAccount({ db: tx, secretKey: ctx.deps.secretKey }, ctx.user.organisationId, input),
        (a) => rowEntry('channel-account.created', a.id, auditedAccountFields(input)),
      );
      nudgeCollectors(ctx.deps);
      return account;
    }),

  update: adminProcedure
    .input(zAccountUpdate)
    .output(zChannelAccountView)
    .mutation(async ({ ctx, input }) => {
      const account = await audited(
        ctx,
        (tx) => updateChannelAccount({ db: tx, secretKey: ctx.deps.secretKey }, ctx.user.organisationId, input),
        rowEntry('channel-account.updated', input.id, auditedAccountFields(input)),
      );
      nudgeCollectors(ctx.deps);
      return account;
    }),

  remove: adminProcedure
    .input(z.object({ id: zId }))
    .output(zOk)
    .mutation(async ({ ctx, input }) => {
      await audited(
        ctx,
        async (tx) => {
          const row = await findChannelAccount(tx, ctx.user.organisationId, input.id);
          await deleteChannelAccount(tx, ctx.user.organisationId, input.id);
          return row;
        },
        (row) =>
          rowEntry('channel-account.deleted', input.id, { network: row.network, url: row.url, title: row.title }),
      );
      return { ok: true as const };
    }),

  /** "Check the connection": asks the network who the token belongs to and stores the answer. */
  check: adminProcedure
    .input(z.object({ id: zId }))
    .output(zChannelChecked)
    .mutation(async ({ ctx, input }) => {
      const row = await findChannelAccount(ctx.deps.db, ctx.user.organisationId, input.id);
      try {
        const description = await createConnector(accountConfig(ctx.deps, row)).describe();
        const [updated] = await ctx.deps.db
          .update(channelAccounts)
          .set({
            externalId: description.externalId,
            title: row.title || description.title,
            tokenExpiresAt: description.tokenExpiresAt !== null ? new Date(description.tokenExpiresAt) : null,
            lastErrorCode: null,
            ...lastErrorColumns(null),
            brokenNotifiedAt: null,
            consecutiveFailures: 0,
            backoffUntil: null,
          })
          .where(eq(channelAccounts.id, row.id))
          .returning();
        // A first connection starts collecting from now: one quick pass stores the network's current cursor, so
        // nothing posted after this click is missed while the collector loop starts.
        if (updated && Object.keys(updated.cursor).length === 0 && updated.mode === 'polling') {
          await collectOnce(ctx.deps, updated.id, { waitSeconds: 0 });
        }
        nudgeCollectors(ctx.deps);
        return { ok: true as const, description, account: publicAccount(updated!) };
      } catch (error) {
        throw asAppError(error);
      }
    }),

  /** Switches an account to webhooks at `publicBaseUrl` (Telegram setWebhook, MAX subscription), or back to polling. */
  setMode: adminProcedure
    .input(
      z.object({
        id: zId,
        mode: z.enum(['polling', 'webhook']),
        publicBaseUrl: z.string().url().max(300).optional(),
      }),
    )
    .output(zChannelAccountView)
    .mutation(async ({ ctx, input }) => {
      const row = await findChannelAccount(ctx.deps.db, ctx.user.organisationId, input.id);
      const connector = createConnector(accountConfig(ctx.deps, row));
      const secret = secretsOf(ctx.deps, row).webhookSecret;
      if (connector.setWebhook) {
        const url =
          input.mode === 'webhook'
            ? `${(input.publicBaseUrl ?? '').replace(/\/+$/, '')}/api/channels/${row.network}/${row.id}`
            : null;
        if (url && !input.publicBaseUrl) throw appError('BAD_INPUT', 'channel.public-url', {});
        try {
          await connector.setWebhook(url, secret);
        } catch (error) {
          throw asAppError(error);
        }
      }
      const account = await updateChannelAccount(ctx.deps, ctx.user.organisationId, { id: row.id, mode: input.mode });
      nudgeCollectors(ctx.deps);
      return account;
    }),

  /** What the administrator pastes into VK's Callback API settings (the address and the secret key). */
  webhookSetup: adminProcedure
    .input(z.object({ id: zId }))
    .output(zWebhookSetup)
    .query(async ({ ctx, input }) => {
      const row = await findChannelAccount(ctx.deps.db, ctx.user.organisationId, input.id);
      if (row.network !== 'vk') return { path: `/api/channels/${row.network}/${row.id}`, secret: null };
      return { path: `/api/channels/vk/${row.id}`, secret: secretsOf(ctx.deps, row).webhookSecret };
    }),

  /** The publisher's click: post the approved draft in the original thread (the domain checks who may). */
  requestPublication: protectedProcedure
    .input(z.object({ caseId: zId, expectedVersion: zCounter }))
    .output(zCommandResult)
    .mutation(async ({ ctx, input }) => {
      await requireSeen(ctx, input.caseId);
      const result = await requestPublication(ctx.deps, {
        organisationId: ctx.user.organisationId,
        actor: ctx.user.actor,
        caseId: input.caseId,
        expectedVersion: input.expectedVersion,
      });
      nudgeOutbox(ctx.deps);
      return result;
    }),

  /** "Retry now" on a waiting publication: for those who take part in the case (curators, operators, its
   *  executors), never for readers. */
  retryPublication: protectedProcedure
    .input(z.object({ caseId: zId }))
    .output(zRetried)
    .mutation(async ({ ctx, input }) => {
      const parties = await requireSeen(ctx, input.caseId);
      if (!takesPartIn(ctx.user.actor, parties)) {
        throw appError('FORBIDDEN', 'auth.forbidden', {});
      }
      const result = await retryPublicationNow(ctx.deps, ctx.user.organisationId, input.caseId);
      nudgeOutbox(ctx.deps);
      return result;
    }),

  /** The case screen's view of its channel: the account, and every publication attempt. */
  ofCase: protectedProcedure
    .input(z.object({ caseId: zId }))
    .output(zCaseChannel)
    .query(async ({ ctx, input }) => {
      await requireSeen(ctx, input.caseId);
      const source = await channelSourceOfCase(ctx.deps.db, input.caseId);
      const outbox = await outboxOfCase(ctx.deps.db, ctx.user.organisationId, input.caseId);
      if (!source) return { account: null, outbox };
      const row = await findChannelAccount(ctx.deps.db, ctx.user.organisationId, source.accountId).catch(() => null);
      return {
        account: row
          ? {
              id: row.id,
              network: row.network,
              title: row.title,
              url: row.url,
              // It can post (the domain's rule of a connected account).
              enabled:
                publicationChannel({ account: { enabled: row.enabled, hasToken: row.secretBox !== null } }) ===
                'connected',
            }
          : null,
        outbox,
      };
    }),

  /** The original and the replies around it, read from the network (VK, MAX, OK; Telegram bots cannot read). */
  threadOfCase: protectedProcedure
    .input(z.object({ caseId: zId }))
    .output(z.array(zThreadComment).readonly())
    .query(async ({ ctx, input }) => {
      await requireSeen(ctx, input.caseId);
      const source = await channelSourceOfCase(ctx.deps.db, input.caseId);
      if (!source) return [];
      const row = await findChannelAccount(ctx.deps.db, ctx.user.organisationId, source.accountId);
      try {
        return await createConnector(accountConfig(ctx.deps, row)).fetchThread(zThreadRef.parse(source.thread));
      } catch (error) {
        throw asAppError(error);
      }
    }),
});
