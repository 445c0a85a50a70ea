// The one tRPC setup: context type, error formatter (AppError and zod issues → UI messages), public and
// protected procedures and the role middleware.
import type { Role } from '@otklik/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { APP_ERROR_CODES, AppError } from '../errors/app-error';
import { log } from '../log';
import type { Context } from './context';

function zodMessage(error: ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return `Неверные данные / invalid input: ${where}${first?.message ?? ''}`;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const zodIssues =
      cause instanceof ZodError ? cause.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : null;
    return {
      ...shape,
      message: cause instanceof ZodError ? zodMessage(cause) : shape.message,
      data: {
        ...shape.data,
        // Stack traces stay on the server.
        stack: undefined,
        appCode: cause instanceof AppError ? cause.code : null,
        details: cause instanceof AppError ? (cause.details ?? null) : null,
        zodIssues,
      },
    };
  },
});

/** Turns an AppError thrown anywhere below into the matching tRPC error, keeping its message for the UI. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: APP_ERROR_CODES[cause.code].trpc, message: cause.message, cause });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR' && !(cause instanceof ZodError)) {
      log.error({ err: result.error }, 'tRPC internal error');
      throw new TRPCError({
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Внутренняя ошибка сервера / internal server error',
        cause: result.error,
      });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapAppErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError('UNAUTHORIZED', 'Войдите в систему / please sign in');
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Allows a procedure to people with at least one of `roles`. */
export function withRoles(...roles: Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!ctx.user.roles.some((r) => roles.includes(r))) {
      throw new AppError('FORBIDDEN', 'Недостаточно прав для этого действия / you are not allowed to do this', {
        required: roles,
      });
    }
    return next();
  });
}

export const adminProcedure = withRoles('administrator');

/** An administrator of the region: manages every organisation of the installation. */
export const regionAdminProcedure = adminProcedure.use(({ ctx, next }) => {
  if (!ctx.user.regionAdministrator) {
    throw new AppError(
      'FORBIDDEN',
      'Только администратор региона управляет организациями / only a region administrator manages organisations',
    );
  }
  return next();
});
