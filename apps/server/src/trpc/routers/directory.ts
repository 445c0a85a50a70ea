// The directory of an organisation: departments, people, absences with substitutes, official accounts.
// Everyone signed in may read it (routing needs it); only an administrator changes it.
import { z } from 'zod';
import { loadImportedYears } from '../../calendar/imported-years';
import { ABSENCE_REASONS, createAbsence, deleteAbsence, listAbsences } from '../../directory/absences';
import { createChannelAccount, listChannelAccounts } from '../../directory/channels';
import { createDepartment, listDepartments, updateDepartment } from '../../directory/departments';
import { getOrganisation, setOrganisationSupervisors } from '../../directory/organisations';
import { createPerson, listPeople, updatePerson } from '../../directory/people';
import { createTopic, listTopics, updateTopic } from '../../directory/topics';
import { zId, zInstant, zName, zRole } from '../inputs';
import { adminProcedure, protectedProcedure, router } from '../trpc';

const zPassword = z.string().min(4, 'Пароль не короче 4 символов / at least 4 characters').max(200);
const zPerson = z.object({
  fullName: zName,
  position: z.string().trim().max(200).optional(),
  email: z.email({ message: 'неверный адрес почты / invalid e-mail' }).nullish(),
  phone: z.string().trim().max(50).nullish(),
  login: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9._-]{2,50}$/, 'Логин: латиница, цифры, . _ - (2–50) / login: letters, digits, . _ -'),
  password: zPassword.nullish(),
  roles: z.array(zRole).min(1, 'Укажите хотя бы одну роль / at least one role'),
  departmentId: zId.nullish(),
});

export const directoryRouter = router({
  /** The organisation with the imported production-calendar years, so the browser's calendar is the server's. */
  organisation: protectedProcedure.query(async ({ ctx }) => ({
    ...(await getOrganisation(ctx.deps.db, ctx.user.organisationId)),
    calendarYears: await loadImportedYears(ctx.deps.db),
  })),
  /** Who receives the deficiency notices about the curator's and the operator's breaches (konyshevsky p.22, NAO
   *  p.27): the organisation names them. */
  setSupervisors: adminProcedure
    .input(z.object({ curatorSupervisorId: zId.nullish(), operatorSupervisorId: zId.nullish() }))
    .mutation(({ ctx, input }) =>
      setOrganisationSupervisors(ctx.deps.db, {
        organisationId: ctx.user.organisationId,
        ...(input.curatorSupervisorId !== undefined ? { curatorSupervisorId: input.curatorSupervisorId } : {}),
        ...(input.operatorSupervisorId !== undefined ? { operatorSupervisorId: input.operatorSupervisorId } : {}),
      }),
    ),

  /** The topic directory: triage chooses from it; `listed` marks NAO p.16's topics with a shorter answer. */
  topics: protectedProcedure.query(({ ctx }) => listTopics(ctx.deps.db, ctx.user.organisationId)),
  createTopic: adminProcedure
    .input(z.object({ name: zName, listed: z.boolean().optional() }))
    .mutation(({ ctx, input }) => createTopic(ctx.deps.db, { organisationId: ctx.user.organisationId, ...input })),
  updateTopic: adminProcedure
    .input(
      z.object({ id: zId, name: zName.optional(), listed: z.boolean().optional(), active: z.boolean().optional() }),
    )
    .mutation(({ ctx, input }) => updateTopic(ctx.deps.db, { organisationId: ctx.user.organisationId, ...input })),

  departments: protectedProcedure.query(({ ctx }) => listDepartments(ctx.deps.db, ctx.user.organisationId)),
  createDepartment: adminProcedure
    .input(z.object({ name: zName, supervisingDeputyId: zId.nullish() }))
    .mutation(({ ctx, input }) => createDepartment(ctx.deps.db, { organisationId: ctx.user.organisationId, ...input })),
  updateDepartment: adminProcedure
    .input(z.object({ id: zId, name: zName.optional(), supervisingDeputyId: zId.nullish() }))
    .mutation(({ ctx, input }) => updateDepartment(ctx.deps.db, { organisationId: ctx.user.organisationId, ...input })),

  people: protectedProcedure.query(({ ctx }) => listPeople(ctx.deps.db, ctx.user.organisationId)),
  createPerson: adminProcedure
    .input(zPerson)
    .mutation(({ ctx, input }) => createPerson(ctx.deps.db, { ...input, organisationId: ctx.user.organisationId })),
  updatePerson: adminProcedure
    .input(zPerson.partial().extend({ id: zId, active: z.boolean().optional() }))
    .mutation(({ ctx, input }) => updatePerson(ctx.deps.db, { ...input, organisationId: ctx.user.organisationId })),

  absences: protectedProcedure.query(({ ctx }) => listAbsences(ctx.deps.db, ctx.user.organisationId)),
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
    .mutation(({ ctx, input }) => createAbsence(ctx.deps.db, { ...input, organisationId: ctx.user.organisationId })),
  deleteAbsence: adminProcedure.input(z.object({ id: zId })).mutation(async ({ ctx, input }) => {
    await deleteAbsence(ctx.deps.db, ctx.user.organisationId, input.id);
    return { ok: true as const };
  }),

  channelAccounts: protectedProcedure.query(({ ctx }) => listChannelAccounts(ctx.deps.db, ctx.user.organisationId)),
  createChannelAccount: adminProcedure
    .input(
      z.object({
        network: z.string().trim().min(1).max(50),
        url: z.url({ message: 'неверная ссылка / invalid URL' }),
        title: z.string().trim().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      createChannelAccount(ctx.deps.db, { ...input, organisationId: ctx.user.organisationId }),
    ),
});
