// Reading the audit log of one organisation: newest first, filtered by period, action, person and text, in pages;
// and the same rows as CSV (Excel-friendly, formulas neutralised by the domain's toCsv).
import { toCsv } from '@otklik/domain';
import { and, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { auditLog } from '../db/schema-security';
import { type AuditAction, auditActionLabel } from './actions';

export interface AuditFilters {
  from?: number;
  to?: number;
  action?: AuditAction;
  actorId?: string;
  /** Matches the login, the target id or the client address. */
  text?: string;
  /** Rows with an id below this one (the next page). */
  before?: number;
  limit?: number;
}

function conditions(organisationId: string, f: AuditFilters): SQL | undefined {
  const list: (SQL | undefined)[] = [eq(auditLog.organisationId, organisationId)];
  if (f.from !== undefined) list.push(gte(auditLog.at, new Date(f.from)));
  if (f.to !== undefined) list.push(lt(auditLog.at, new Date(f.to)));
  if (f.action) list.push(eq(auditLog.action, f.action));
  if (f.actorId) list.push(eq(auditLog.actorId, f.actorId));
  if (f.before !== undefined) list.push(lt(auditLog.id, f.before));
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    list.push(or(ilike(auditLog.actorLogin, like), ilike(auditLog.targetId, like), ilike(auditLog.ip, like)));
  }
  return and(...list);
}

export async function listAudit(db: DbOrTx, organisationId: string, filters: AuditFilters) {
  const limit = Math.min(filters.limit ?? 100, 1000);
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions(organisationId, filters))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({ ...r, at: r.at.getTime() })),
    nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** At most this many rows per export: a year of a busy organisation. */
export const MAX_EXPORT_ROWS = 50_000;

/** The export's column headers in the reader's language (one language per file). */
const CSV_HEADER = {
  ru: ['Время', 'Действие', 'Код', 'Логин', 'Объект', 'Id', 'IP', 'Подробности'],
  en: ['Time', 'Action', 'Code', 'Login', 'Target', 'Id', 'IP', 'Details'],
} as const;

/** The filtered log as CSV in `lang` (the reader's language, Russian by default): headers and action labels. */
export async function auditCsv(
  db: DbOrTx,
  organisationId: string,
  filters: AuditFilters,
  timeZone: string,
  lang: 'ru' | 'en' = 'ru',
) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions(organisationId, filters))
    .orderBy(desc(auditLog.id))
    .limit(MAX_EXPORT_ROWS);
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return toCsv([
    [...CSV_HEADER[lang]],
    ...rows.map((r) => [
      local.format(r.at),
      auditActionLabel(r.action, lang),
      r.action,
      r.actorLogin,
      r.targetType,
      r.targetId,
      r.ip,
      JSON.stringify(r.details),
    ]),
  ]);
}

/** Used by tests: the count of entries of one action for an organisation (null = installation-level). */
export async function countAudit(db: DbOrTx, organisationId: string | null, action: AuditAction): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        organisationId === null ? sql`${auditLog.organisationId} is null` : eq(auditLog.organisationId, organisationId),
        eq(auditLog.action, action),
      ),
    );
  return row?.n ?? 0;
}
