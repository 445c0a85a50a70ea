// The directory of an organisation: departments, people, absences with substitutes, official accounts.
// Everyone signed in may read it (routing needs it); only an administrator changes it, and every change is written to
// the audit log in the same transaction.
import { ABSENCE_REASONS, MAX_PASSWORD_LENGTH, passwordProblem } from '@otklik/domain';
import { z } from 'zod';
import { audited, auditedCreate, auditedUpdate, rowEntry } from '../../audit/record';
import { loadImportedYears } from '../../calendar/imported-years';
import { createAbsence, deleteAbsence, listAbsences, updateAbsence } from '../../directory/absences';
import { listChannelAccounts } from '../../directory/channels';
import { createDepartment, listDepartments, updateDepartment } from '../../directory/departments';
import { getOrganisation, setOrganisationSupervisors } from '../../directory/organisations';
import { createPerson, listPeople, requirePersonInOrganisation, updatePerson } from '../../directory/people';
import { createPlace, deletePlace, listPlaces, PLACE_KINDS, updatePlace } from '../../directory/places';
import { createTopic, listTopics, updateTopic } from '../../directory/topics';
import { passwordRefused } from '../../errors/app-error';
import { zId, zInstant, zName, zRole } from '../inputs';
import {
  zAbsenceRow,
  zChannelAccountLink,
  zDepartmentRow,
  zOrganisationRow,
  zOrganisationWithCalendar,
  zPersonView,
  zPlaceRow,
  zTopicRow,
} from '../outputs-directory';
import { adminProcedure, protectedProcedure, router } from '../trpc';
import { ownOrganisationList } from './own-list';
import { adminRemoveProcedure } from './remove-procedure';

const zLoginName = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9._-]{2,50}$/, 'validation.login-format');
const zPerson = z.object({
  fullName: zName,
  position: z.string().trim().max(200).optional(),
  email: z.email({ message: 'validation.email' }).nullish(),
  phone: z.string().trim().max(50).nullish(),
  login: zLoginName,
  password: z.string().max(MAX_PASSWORD_LENGTH).nullish(),
  roles: z.array(zRole).min(1, 'validation.roles-required'),
  departmentId: zId.nullish(),
});

/** The password rule (domain access/password-policy.ts) for a password an administrator sets. */
function checkPassword(password: string | null | undefined, login: string) {
  if (!password) return;
  const problem = passwordProblem(password, login);
  if (problem) {
    throw passwordRefused(problem, 'password');
  }
}

const sameRoles = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

export const directoryRouter = router({
  /** The organisation with the imported production-calendar years, so the browser's calendar is the server's. */
  organisation: protectedProcedure.output(zOrganisationWithCalendar).query(async ({ ctx }) => ({
    ...(await getOrganisation(ctx.deps.db, ctx.user.organisationId)),
    calendarYears: await loadImportedYears(ctx.deps.db),
  })),
  /** Who receives the deficiency notices about the curator's and the operator's breaches (konyshevsky p.22, NAO
   *  p.27): the organisation names them. */
  setSupervisors: adminProcedure
    .input(
      z
        .object({ curatorSupervisorId: zId.nullish(), operatorSupervisorId: zId.nullish() })
        .refine((i) => i.curatorSupervisorId !== undefined || i.operatorSupervisorId !== undefined, {
          message: 'validation.supervisor-required',
        }),
    )
    .output(zOrganisationRow)
    .mutation(({ ctx, input }) =>
      audited(
        ctx,
        (tx) =>
          setOrganisationSupervisors(tx, {
            organisationId: ctx.user.organisationId,
            ...(input.curatorSupervisorId !== undefined ? { curatorSupervisorId: input.curatorSupervisorId } : {}),
            ...(input.operatorSupervisorId !== undefined ? { operatorSupervisorId: input.operatorSupervisorId } : {}),
          }),
        { action: 'supervisors.set', targetType: 'organisation', targetId: ctx.user.organisationId, details: input },
      ),
    ),

  /** The topic directory: triage chooses from it; `listed` marks NAO p.16's topics with a shorter answer. */
  topics: protectedProcedure.output(z.array(zTopicRow)).query(ownOrganisationList(listTopics)),
  createTopic: adminProcedure
    .input(z.object({ name: zName, listed: z.boolean().optional() }))
    .output(zTopicRow)
    .mutation(({ ctx, input }) => auditedCreate(ctx, 'topic.created', input, createTopic)),
  updateTopic: adminProcedure
    .input(
      z.object({ id: zId, name: zName.optional(), listed: z.boolean().optional(), active: z.boolean().optional() }),
    )
    .output(zTopicRow)
    .mutation(({ ctx, input }) => auditedUpdate(ctx, 'topic.updated', input, updateTopic)),

  /** The place directory (settlements, districts): the wall names a case's place only as one of these. */
  places: protectedProcedure.output(z.array(zPlaceRow)).query(ownOrganisationList(listPlaces)),
  createPlace: adminProcedure
    .input(z.object({ name: zName, kind: z.enum(PLACE_KINDS) }))
    .output(zPlaceRow)
    .mutation(({ ctx, input }) => auditedCreate(ctx, 'place.created', input, createPlace)),
  updatePlace: adminProcedure
    .input(z.object({ id: zId, name: zName.optional(), kind: z.enum(PLACE_KINDS).optional() }))
    .output(zPlaceRow)
    .mutation(({ ctx, input }) => auditedUpdate(ctx, 'place.updated', input, updatePlace)),
  deletePlace: adminRemoveProcedure('place.deleted', deletePlace),

  departments: protectedProcedure.output(z.array(zDepartmentRow)).query(ownOrganisationList(listDepartments)),
  createDepartment: adminProcedure
    .input(z.object({ name: zName, supervisingDeputyId: zId.nullish() }))
    .output(zDepartmentRow)
    .mutation(({ ctx, input }) => auditedCreate(ctx, 'department.created', input, createDepartment)),
  updateDepartment: adminProcedure
    .input(z.object({ id: zId, name: zName.optional(), supervisingDeputyId: zId.nullish() }))
    .output(zDepartmentRow)
    .mutation(({ ctx, input }) => auditedUpdate(ctx, 'department.updated', input, updateDepartment)),

  people: protectedProcedure.output(z.array(zPersonView)).query(ownOrganisationList(listPeople)),
  createPerson: adminProcedure
    .input(zPerson)
    .output(zPersonView)
    .mutation(({ ctx, input }) => {
      checkPassword(input.password, input.login);
      const { password, ...shown } = input;
      return audited(
        ctx,
        (tx) => createPerson(tx, { ...input, organisationId: ctx.user.organisationId }),
        (p) => rowEntry('person.created', p.id, { ...shown, passwordSet: Boolean(password) }),
      );
    }),
  updatePerson: adminProcedure
    .input(zPerson.partial().extend({ id: zId, active: z.boolean().optional() }))
    .output(zPersonView)
    .mutation(async ({ ctx, input }) => {
      const before = await requirePersonInOrganisation(ctx.deps.db, ctx.user.organisationId, input.id);
      checkPassword(input.password, input.login ?? before.login);
      const { password, ...shown } = input;
      return ctx.deps.db.transaction(async (tx) => {
        const person = await updatePerson(tx, { ...input, organisationId: ctx.user.organisationId });
        const entry = (action: 'person.updated' | 'person.roles-changed' | 'person.password-set', details = {}) =>
          audited.entry(ctx, rowEntry(action, input.id, details), tx);
        await entry('person.updated', { ...shown });
        if (input.roles && !sameRoles(before.roles, input.roles)) {
          await entry('person.roles-changed', { before: before.roles, after: input.roles, login: person.login });
        }
        if (password) await entry('person.password-set', { login: person.login });
        return person;
      });
    }),

  absences: protectedProcedure.output(z.array(zAbsenceRow)).query(ownOrganisationList(listAbsences)),
  createAbsence: adminProcedure
    .input(
      z.object({
        personId: zId,
        substituteId: zId,
        reason: z.enum(ABSENCE_REASONS),
        startsAt: zInstant,
        endsAt: zInstant,
      }),
    )
    .output(zAbsenceRow)
    .mutation(({ ctx, input }) => auditedCreate(ctx, 'absence.created', input, createAbsence)),
  updateAbsence: adminProcedure
    .input(
      z.object({
        id: zId,
        personId: zId.optional(),
        substituteId: zId.optional(),
        reason: z.enum(ABSENCE_REASONS).optional(),
        startsAt: zInstant.optional(),
        endsAt: zInstant.optional(),
      }),
    )
    .output(zAbsenceRow)
    .mutation(({ ctx, input }) => auditedUpdate(ctx, 'absence.updated', input, updateAbsence)),
  deleteAbsence: adminRemoveProcedure('absence.deleted', deleteAbsence),

  channelAccounts: protectedProcedure
    .output(z.array(zChannelAccountLink))
    .query(ownOrganisationList(listChannelAccounts)),
});
