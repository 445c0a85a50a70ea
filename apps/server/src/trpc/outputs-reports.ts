// Output schemas of the report, repeat-suggestion and route-choice procedures, of a case's channel (its outbox and
// its thread in the network) and of the audit log: plain values, instants in epoch ms unless a Date column is sent as
// it is.
import type { Assert, Same } from '@otklik/contract';
import { type MonthlySummary, REPORT_STEPS, zStepId, zSurgeThresholds } from '@otklik/domain';
import { z } from 'zod';
import type { listAudit } from '../audit/read';
import type { MonthlyReport } from '../reports/monthly';
import { zChannelAccountView } from './outputs-channels';

const zMs = z.number();

/** A case as a report's list (drill-down, the cases behind a figure) shows it. */
export const zReportCase = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.string(),
  isOpen: z.boolean(),
  topic: z.string().nullable(),
  location: z.string().nullable(),
  network: z.string(),
  category: z.string(),
  author: z.string().nullable(),
  excerpt: z.string(),
  detectedAt: zMs,
  closedAt: zMs.nullable(),
});

export const zSurgeRow = z.object({
  id: z.string(),
  organisationId: z.string(),
  dimension: z.string(),
  value: z.string(),
  startedAt: zMs,
  lastSeenAt: zMs,
  resolvedAt: zMs.nullable(),
  caseIds: z.array(z.string()),
  peakCount: z.number(),
  threshold: z.number(),
  baseline: z.number(),
});

export const zSurgeThresholdsOut = zSurgeThresholds;

/** An earlier case the message may repeat (same author, similar text, same topic or place). */
export const zRepeatCandidate = z.object({
  caseId: z.string(),
  number: z.number().int(),
  topic: z.string().nullable(),
  author: z.string().nullable(),
  location: z.string().nullable(),
  detectedAt: zMs,
  isOpen: z.boolean(),
  excerpt: z.string(),
  similarity: z.number(),
  sameAuthor: z.boolean(),
  sameTopic: z.boolean(),
  sameLocation: z.boolean(),
});

export const zRouteChoice = z.object({
  departmentId: z.string(),
  executors: z
    .array(
      z.object({
        personId: z.string(),
        fullName: z.string(),
        position: z.string(),
        head: z.boolean(),
        absence: z.object({ reason: z.string(), endsAt: zMs, substituteId: z.string() }).nullable(),
        handled: z.number().int(),
      }),
    )
    .readonly(),
  usualExecutorId: z.string().nullable(),
});

const zByDepartment = z.object({ departmentId: z.string(), name: z.string().nullable() });

export const zHeadOverview = z.object({
  timeZone: z.string(),
  now: zMs,
  dayStart: zMs,
  weekStart: zMs,
  month: z.string(),
  significant: z.array(
    zReportCase
      .omit({ network: true, category: true, author: true, closedAt: true })
      .extend({ dueAt: zMs.nullable(), responsibleDepartmentId: z.string().nullable() }),
  ),
  surges: z.array(
    z.object({
      id: z.string(),
      dimension: z.string(),
      value: z.string(),
      startedAt: zMs,
      lastSeenAt: zMs,
      peakCount: z.number(),
      threshold: z.number(),
      cases: z.array(z.object({ id: z.string(), number: z.number().int().nullable() })),
    }),
  ),
  breachesThisWeek: z.array(zByDepartment.extend({ breaches: z.number().int(), caseIds: z.array(z.string()) })),
  timeliness: z.object({
    received: z.number(),
    answered: z.number(),
    onTime: z.number(),
    overdue: z.number(),
    answerOnTime: z.number(),
    answerOverdue: z.number(),
    finalLate: z.number(),
    medianHours: z.number().nullable(),
    departments: z.array(zByDepartment.extend({ onTime: z.number(), overdue: z.number() })),
  }),
});

export const zWebhookSetup = z.object({ path: z.string(), secret: z.string().nullable() });
export const zRetried = z.object({ retried: z.number().int() });

/** The channel a case came through and its publication outbox (what was sent, what failed and why). */
export const zCaseChannel = z.object({
  account: zChannelAccountView.pick({ id: true, network: true, title: true, url: true, enabled: true }).nullable(),
  outbox: z.array(
    z.object({
      id: z.string(),
      state: z.string(),
      attempts: z.number().int(),
      lastErrorCode: z.string().nullable(),
      lastError: z.string().nullable(),
      lastErrorKey: z.string().nullable(),
      lastErrorParams: z.record(z.string(), z.unknown()).nullable(),
      networkUrl: z.string().nullable(),
      createdAt: z.date(),
      nextAttemptAt: z.date(),
      sentAt: z.date().nullable(),
    }),
  ),
});

/** The case's thread in the network, as the connector read it. */
export const zThreadComment = z.object({
  id: z.string(),
  author: z.string(),
  text: z.string(),
  ours: z.boolean(),
  at: zMs.optional(),
});

const zHolderRow = z.object({
  key: z.string(),
  received: z.number(),
  answered: z.number(),
  steps: z.record(z.enum(REPORT_STEPS), z.object({ onTime: z.number(), overdue: z.number() })).readonly(),
  onTime: z.number(),
  overdue: z.number(),
  returns: z.number(),
  revisionRounds: z.number(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
  intermediate: z.number(),
  finalOnTime: z.number(),
  finalLate: z.number(),
  answeredOnTime: z.number(),
  answeredLate: z.number(),
  heldMinutes: z.number(),
});

const zDynamicsRows = z
  .array(z.object({ value: z.string(), current: z.number(), previous: z.number(), delta: z.number() }))
  .readonly();

/** The domain's monthly summary (packages/domain/src/reports/summary-types.ts); the check below fails the typecheck
 *  when the two differ. */
export const zMonthlySummary = z.object({
  month: z.string(),
  previousMonth: z.string(),
  timeZone: z.string(),
  computedAt: zMs,
  totals: zHolderRow,
  people: z.array(zHolderRow).readonly(),
  departments: z.array(zHolderRow).readonly(),
  dynamics: z.object({
    topic: zDynamicsRows,
    location: zDynamicsRows,
    network: zDynamicsRows,
    category: zDynamicsRows,
  }),
  topOverdue: z
    .array(
      z.object({
        caseId: z.string(),
        step: zStepId,
        holder: z.object({ role: z.string(), personId: z.string().nullable(), departmentId: z.string().nullable() }),
        dueAt: zMs,
        closedAt: zMs.nullable(),
        overdueWorkingMinutes: z.number(),
      }),
    )
    .readonly(),
  caseTime: z
    .array(
      z.object({
        caseId: z.string(),
        shares: z.array(z.object({ key: z.string(), minutes: z.number() })).readonly(),
      }),
    )
    .readonly(),
  drill: z.record(z.string(), z.array(z.string()).readonly()).readonly(),
});
export type MonthlySummarySchemaMatchesDomain = Assert<Same<z.infer<typeof zMonthlySummary>, MonthlySummary>>;

/** `reports.monthlySummary`: the summary without its drill-down lists (`drilldown` fetches one by key), the names
 *  of the people and departments it names, and the numbers of the cases it lists by id. */
export const zMonthlyReport = z.object({
  /** The instant the summary describes: a drill-down names it to list the cases behind the same numbers. */
  asOf: z.number(),
  summary: zMonthlySummary,
  directory: z.object({
    people: z.record(z.string(), z.string()),
    departments: z.record(z.string(), z.string()),
  }),
  caseNumbers: z.record(z.string(), z.number().int()),
});

/** One line of the audit log (audit_log), instants in epoch ms; each reader labels the action in its language. */
export const zAuditEntry = z.object({
  id: z.number().int(),
  at: zMs,
  organisationId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorLogin: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const zAuditPage = z.object({ entries: z.array(zAuditEntry), nextBefore: z.number().int().nullable() });
export const zAuditCsv = z.object({ fileName: z.string(), csv: z.string() });

/** Fail the typecheck when these schemas and what the server builds differ. */
export type ReportOutputsMatchServer = [
  Assert<Same<z.input<typeof zMonthlyReport>, Omit<MonthlyReport, 'organisationId'>>>,
  Assert<Same<z.input<typeof zAuditPage>, Awaited<ReturnType<typeof listAudit>>>>,
];
