// Organisations of the installation, for region administrators: list, create (with the first administrator),
// rename, archive and restore. An organisation's own administrator reaches none of this (regionAdminProcedure).
import { z } from 'zod';
import { listAllOrganisations, renameOrganisation, setOrganisationArchived } from '../../directory/organisation-admin';
import { createOrganisationWithAdmin } from '../../setup/new-organisation';
import { zId, zName } from '../inputs';
import { newOrganisationInput, zNewOrganisation } from '../inputs-organisation';
import { regionAdminProcedure, router } from '../trpc';

export const organisationsRouter = router({
  list: regionAdminProcedure.query(({ ctx }) => listAllOrganisations(ctx.deps.db)),

  create: regionAdminProcedure
    .input(zNewOrganisation.extend({ regionAdministrator: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const { regionAdministrator, ...form } = input;
      const created = await createOrganisationWithAdmin(ctx.deps.db, newOrganisationInput(form, regionAdministrator));
      return { id: created.organisation.id, slug: created.organisation.slug, adminLogin: created.admin.login };
    }),

  rename: regionAdminProcedure.input(z.object({ id: zId, name: zName })).mutation(async ({ ctx, input }) => {
    await renameOrganisation(ctx.deps.db, input);
    return { ok: true as const };
  }),

  setArchived: regionAdminProcedure
    .input(z.object({ id: zId, archived: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setOrganisationArchived(ctx.deps.db, {
        ...input,
        actorOrganisationId: ctx.user.organisationId,
        now: ctx.deps.now(),
      });
      return { ok: true as const };
    }),
});
