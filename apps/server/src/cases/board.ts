// The board: every open case of an organisation with its clocks, filterable; and "my tasks" of one person.

import type { Actor } from '@otklik/domain';
import { and, arrayContains, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/connect';
import { cases, departments, people } from '../db/schema';
import { actorCondition } from './access';

export interface BoardFilters {
  departmentId?: string;
  category?: string;
  status?: string;
  network?: string;
  topic?: string;
  /** Include closed cases (most recent first); default only open ones. */
  includeClosed?: boolean;
  /** Only these cases (the changes feed). */
  ids?: string[];
  /** Only the cases this person may see (domain canSeeCase); absent for the wall display and the system. */
  visibleTo?: Actor;
  limit?: number;
}

const responsible = alias(people, 'responsible');

/** The columns the board and the inbox show; the text is cut so 10,000 cases stay a reasonable payload. */
const boardColumns = {
  id: cases.id,
  number: cases.number,
  organisationId: cases.organisationId,
  version: cases.version,
  status: cases.status,
  currentStep: cases.currentStep,
  dueAt: cases.dueAt,
  responsiblePersonId: cases.responsiblePersonId,
  responsiblePersonName: responsible.fullName,
  responsibleDepartmentId: cases.responsibleDepartmentId,
  responsibleDepartmentName: departments.name,
  departmentIds: cases.departmentIds,
  executorIds: cases.executorIds,
  partyDepartmentIds: cases.partyDepartmentIds,
  partyExecutorIds: cases.partyExecutorIds,
  category: cases.category,
  topic: cases.topic,
  location: cases.location,
  network: cases.network,
  url: cases.url,
  author: cases.author,
  excerpt: sql<string>`left(${cases.text}, 280)`,
  isPublic: cases.isPublic,
  flags: cases.flags,
  clocks: cases.clocks,
  isOpen: cases.isOpen,
  detectedAt: cases.detectedAt,
  postedAt: cases.postedAt,
  closedAt: cases.closedAt,
  updatedAt: cases.updatedAt,
};

export type BoardRow = Awaited<ReturnType<typeof listBoard>>[number];

function boardQuery(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(boardColumns)
    .from(cases)
    .leftJoin(responsible, eq(responsible.id, cases.responsiblePersonId))
    .leftJoin(departments, eq(departments.id, cases.responsibleDepartmentId))
    .where(where);
}

export function listBoard(db: DbOrTx, organisationId: string, filters: BoardFilters = {}) {
  const conditions: SQL[] = [eq(cases.organisationId, organisationId)];
  if (!filters.includeClosed) conditions.push(eq(cases.isOpen, true));
  if (filters.departmentId) conditions.push(arrayContains(cases.departmentIds, [filters.departmentId]));
  if (filters.category) conditions.push(eq(cases.category, filters.category));
  if (filters.status) conditions.push(eq(cases.status, filters.status));
  if (filters.network) conditions.push(eq(cases.network, filters.network));
  if (filters.topic) conditions.push(eq(cases.topic, filters.topic));
  if (filters.ids) conditions.push(inArray(cases.id, filters.ids));
  if (filters.visibleTo) {
    const visible = actorCondition(filters.visibleTo);
    if (visible) conditions.push(visible);
  }
  // Most urgent first; cases without a running clock last.
  return boardQuery(db, and(...conditions))
    .orderBy(sql`${cases.dueAt} asc nulls last`, asc(cases.number))
    .limit(filters.limit ?? 10_000);
}

/** Cases waiting for this person: they are responsible, or an executor of an open case, or standing in. */
export function listMyTasks(db: DbOrTx, organisationId: string, personIds: readonly string[]) {
  const mine = sql.join(
    personIds.map((id) => sql`(${cases.responsiblePersonId} = ${id} or ${id} = any(${cases.executorIds}))`),
    sql` or `,
  );
  return boardQuery(db, and(eq(cases.organisationId, organisationId), eq(cases.isOpen, true), sql`(${mine})`)).orderBy(
    sql`${cases.dueAt} asc nulls last`,
  );
}
