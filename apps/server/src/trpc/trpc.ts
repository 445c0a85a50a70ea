// The one tRPC setup: context type, error formatter (AppError and zod issues → UI messages), public and
// protected procedures and the role middleware. Every error a procedure throws goes through the shared client-error
// mapping (errors/client-error.ts): nothing internal reaches the client, unexpected errors carry a request id.
import { installValidationMessages, validationIssue } from '@otklik/contract';
import { AREA_ROLES, type Role } from '@otklik/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { APP_ERROR_CODES, AppError, appError } from '../errors/app-error';
import { toClientError } from '../errors/client-error';
import { withDeadline } from '../errors/deadline';
import { firstIssue } from '../errors/input-issue';
import { messageInRequestLanguage } from '../errors/language';
import { assertStorableText } from '../errors/text-input';
import type { Context } from './context';

installValidationMessages();

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, path, ctx }) {
    const cause = error.cause;
    const zodIssues =
      cause instanceof ZodError
        ? cause.issues.map((i) => ({ path: i.path.map(String), message: i.message, issue: validationIssue(i) }))
        : null;
    const issue = cause instanceof ZodError ? firstIssue('input', cause) : null;
    let message = issue ? issue.message : shape.message;
    let requestId: string | null = null;
    let said = cause instanceof AppError ? (cause.refusal ?? null) : issue;
    // An internal error that did not pass through mapErrors (it cannot happen inside a procedure): say nothing of it.
    if (error.code === 'INTERNAL_SERVER_ERROR' && !(cause instanceof AppError)) {
      const client = toClientError(cause ?? error, `trpc ${path ?? '?'}`);
      message = client.message;
      requestId = client.requestId;
      said = client.refusal;
    }
    return {
      ...shape,
      // The key and parameters below are what every reader words; the message says the same in the language the
      // request asked for (Accept-Language), for a reader without the catalogue.
      message: messageInRequestLanguage(said, ctx?.lang ?? 'ru', message),
      data: {
        ...shape.data,
        // Stack traces stay on the server.
        stack: undefined,
        appCode: cause instanceof AppError ? cause.code : null,
        details: cause instanceof AppError ? (cause.details ?? null) : null,
        // The message as a key and its parameters, in the server's catalogue (@otklik/contract) or, for a domain
        // refusal, the domain's: the web app words them in its reader's language.
        key: said?.key ?? null,
        params: said?.params ?? null,
        requestId: cause instanceof AppError ? ((cause.details?.requestId as string | undefined) ?? null) : requestId,
        zodIssues,
      },
    };
  },
});

/** Turns whatever a procedure throws into the client-safe error of the shared mapping (zod issues stay as they are). */
const mapErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  // Invalid input is the caller's to fix and keeps its issues; an answer that fails its output schema is ours.
  if (cause instanceof ZodError && result.error.code !== 'INTERNAL_SERVER_ERROR') return result;
  if (!(cause instanceof AppError) && result.error.code !== 'INTERNAL_SERVER_ERROR') return result;
  const client = toClientError(cause ?? result.error, `trpc ${path}`);
  const mapped = new AppError(
    client.code,
    client.message,
    { ...(client.details ?? {}), ...(client.requestId ? { requestId: client.requestId } : {}) },
    client.refusal ?? undefined,
  );
  throw new TRPCError({ code: APP_ERROR_CODES[client.code].trpc, message: client.message, cause: mapped });
});

/** Refuses text the database cannot store (NUL, broken surrogates) in any field, before the input is parsed. */
const storableInput = t.middleware(async ({ next, getRawInput }) => {
  assertStorableText(await getRawInput());
  return next();
});

/** A request waits for the database at most `requestTimeoutMs`: a frozen server gives a clear error, not a hang. */
const deadline = t.middleware(({ ctx, next }) => withDeadline(next(), ctx.deps.requestTimeoutMs));

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapErrors).use(deadline).use(storableInput);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw appError('UNAUTHORIZED', 'auth.sign-in', {});
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Allows a procedure to people with at least one of `roles`. */
export function withRoles(...roles: Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!ctx.user.roles.some((r) => roles.includes(r))) {
      throw appError(
        'FORBIDDEN',
        'auth.forbidden',
        {},
        {
          required: roles,
        },
      );
    }
    return next();
  });
}

export const adminProcedure = withRoles(...AREA_ROLES.admin);

/** An administrator of the region: manages every organisation of the installation. */
export const regionAdminProcedure = adminProcedure.use(({ ctx, next }) => {
  if (!ctx.user.regionAdministrator) {
    throw appError('FORBIDDEN', 'auth.region-admin-only', {});
  }
  return next();
});
