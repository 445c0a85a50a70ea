// The head of administration's view: today's socially significant cases, active surges, breaches this week by
// department and the month's timeliness at a glance (konyshevsky p.24, krasnoufimsk p.25, NAO p.29).
import { type Actor, dayAndWeekStart, monthOf } from '@otklik/domain';
import { and, arrayContains, desc, eq, gte, inArray, or } from 'drizzle-orm';
import { actorCondition } from '../cases/access';
import type { Db } from '../db/connect';
import { caseEvents, cases } from '../db/schema';
import { organisationField } from '../directory/organisations';
import { recentMonthlyReport } from './monthly-cache';
import { listActiveSurges } from './surges';

export async function headOverview(db: Db, organisationId: string, now: number, actor: Actor) {
  const timeZone = (await organisationField(db, organisationId, 'timeZone')) ?? 'Europe/Moscow';
  const { day, week } = dayAndWeekStart(now, timeZone);
  const month = monthOf(now, timeZone);

  const significant = await db
    .select({
      id: cases.id,
      number: cases.number,
      topic: cases.topic,
      location: cases.location,
      excerpt: cases.text,
      status: cases.status,
      isOpen: cases.isOpen,
      dueAt: cases.dueAt,
      detectedAt: cases.detectedAt,
      responsibleDepartmentId: cases.responsibleDepartmentId,
    })
    .from(cases)
    .where(
      and(
        eq(cases.organisationId, organisationId),
        arrayContains(cases.flags, ['socially-significant']),
        // Statistics stay organisation-wide; the cases listed are those the reader may see.
        actorCondition(actor),
        or(gte(cases.detectedAt, new Date(day)), eq(cases.isOpen, true)),
      ),
    )
    .orderBy(desc(cases.detectedAt))
    .limit(50);

  const breaches = await db
    .select({ caseId: caseEvents.caseId, payload: caseEvents.payload, state: cases.state })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(
      and(
        eq(caseEvents.organisationId, organisationId),
        eq(caseEvents.type, 'clock-breached'),
        gte(caseEvents.occurredAt, new Date(week)),
      ),
    );
  // A breach belongs to whoever held the clock at the breach instant (the event says; older events: the record);
  // the curator's and the operator's go under 'curators'.
  const byDepartment = new Map<string, { breaches: number; caseIds: Set<string> }>();
  for (const b of breaches) {
    const payload = b.payload;
    if (payload.type !== 'clock-breached') continue;
    const record = b.state.clocks.find((c) => c.id === payload.clockId);
    const holders = payload.holders ?? record?.breachHolders ?? (record ? [record.responsible] : []);
    const keys = new Set(holders.map((h) => h.departmentId ?? 'curators'));
    for (const key of keys.size > 0 ? keys : new Set(['curators'])) {
      const entry = byDepartment.get(key) ?? { breaches: 0, caseIds: new Set<string>() };
      entry.breaches += 1;
      entry.caseIds.add(b.caseId);
      byDepartment.set(key, entry);
    }
  }

  const [surges, report] = await Promise.all([
    listActiveSurges(db, organisationId, now),
    recentMonthlyReport({ db, organisationId, month, now }),
  ]);
  const surgeCases = [...new Set(surges.flatMap((s) => s.caseIds))];
  const numbers = surgeCases.length
    ? await db.select({ id: cases.id, number: cases.number }).from(cases).where(inArray(cases.id, surgeCases))
    : [];
  const numberOf = new Map(numbers.map((n) => [n.id, n.number]));
  const t = report.summary.totals;
  return {
    timeZone,
    now,
    dayStart: day,
    weekStart: week,
    month,
    significant: significant.map((c) => ({
      ...c,
      excerpt: c.excerpt.slice(0, 280),
      dueAt: c.dueAt?.getTime() ?? null,
      detectedAt: c.detectedAt.getTime(),
    })),
    surges: surges.map((s) => ({
      id: s.id,
      dimension: s.dimension,
      value: s.value,
      startedAt: s.startedAt.getTime(),
      lastSeenAt: s.lastSeenAt.getTime(),
      peakCount: s.peakCount,
      threshold: s.threshold,
      cases: s.caseIds.map((id) => ({ id, number: numberOf.get(id) ?? null })),
    })),
    breachesThisWeek: [...byDepartment]
      .map(([departmentId, e]) => ({
        departmentId,
        name: departmentId === 'curators' ? null : (report.directory.departments[departmentId] ?? null),
        breaches: e.breaches,
        caseIds: [...e.caseIds],
      }))
      .sort((a, b) => b.breaches - a.breaches),
    timeliness: {
      received: t.received,
      answered: t.answered,
      onTime: t.onTime,
      overdue: t.overdue,
      // A first answer on time: the case-wide clock met, or where the profile sets none (slavgorod, krasnoufimsk)
      // every clock before it met.
      answerOnTime: t.answeredOnTime,
      answerOverdue: t.answeredLate,
      finalLate: t.finalLate,
      medianHours: t.medianHours,
      departments: report.summary.departments.map((d) => ({
        departmentId: d.key,
        name: report.directory.departments[d.key] ?? null,
        onTime: d.onTime,
        overdue: d.overdue,
      })),
    },
  };
}

export type HeadOverview = Awaited<ReturnType<typeof headOverview>>;
