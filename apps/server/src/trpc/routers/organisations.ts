// Organisations of the installation, for region administrators: list, create (with the first administrator),
// rename, archive and restore. An organisation's own administrator reaches none of this (regionAdminProcedure).
import { z } from 'zod';
import { audited, rowEntry } from '../../audit/record';
import { listAllOrganisations, renameOrganisation, setOrganisationArchived } from '../../directory/organisation-admin';
import { createOrganisationWithAdmin } from '../../setup/new-organisation';
import { zId, zName } from '../inputs';
import { newOrganisationInput, zNewOrganisation } from '../inputs-organisation';
import { zOk, zOrganisationCreated, zOrganisationListRow } from '../outputs-directory';
import { regionAdminProcedure, router } from '../trpc';

// Each change is written to the audit log of the region administrator's own organisation (that is whose log they
// read), naming the organisation changed.
export const organisationsRouter = router({
  list: regionAdminProcedure
    .output(z.array(zOrganisationListRow))
    .query(({ ctx }) => listAllOrganisations(ctx.deps.db)),

  create: regionAdminProcedure
    .input(zNewOrganisation.extend({ regionAdministrator: z.boolean().default(false) }))
    .output(zOrganisationCreated)
    .mutation(async ({ ctx, input }) => {
      const { regionAdministrator, ...form } = input;
      const created = await audited(
        ctx,
        (tx) => createOrganisationWithAdmin(tx, newOrganisationInput(form, regionAdministrator)),
        (c) =>
          rowEntry('organisation.created', c.organisation.id, {
            name: c.organisation.name,
            slug: c.organisation.slug,
            presetId: form.presetId,
            timeZone: form.timeZone,
            adminLogin: c.admin.login,
            regionAdministrator,
          }),
      );
      return { id: created.organisation.id, slug: created.organisation.slug, adminLogin: created.admin.login };
    }),

  rename: regionAdminProcedure
    .input(z.object({ id: zId, name: zName }))
    .output(zOk)
    .mutation(async ({ ctx, input }) => {
      await audited(
        ctx,
        (tx) => renameOrganisation(tx, input),
        rowEntry('organisation.renamed', input.id, { name: input.name }),
      );
      return { ok: true as const };
    }),

  setArchived: regionAdminProcedure
    .input(z.object({ id: zId, archived: z.boolean() }))
    .output(zOk)
    .mutation(async ({ ctx, input }) => {
      await audited(
        ctx,
        (tx) =>
          setOrganisationArchived(tx, {
            ...input,
            actorOrganisationId: ctx.user.organisationId,
            now: ctx.deps.now(),
          }),
        rowEntry(input.archived ? 'organisation.archived' : 'organisation.restored', input.id),
      );
      return { ok: true as const };
    }),
});
