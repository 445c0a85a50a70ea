// Regulation profiles: everyone reads them (deadlines are explained with them); the administrator creates
// custom ones, edits them and chooses the organisation's profile.
import { zProfile } from '@otklik/domain';
import { z } from 'zod';
import { audited, rowEntry } from '../../audit/record';
import { loadProfile } from '../../cases/domain-context';
import {
  createCustomProfile,
  listProfiles,
  setOrganisationProfile,
  updateCustomProfile,
} from '../../directory/profiles';
import { zProfileListRow } from '../outputs-calendar';
import { zOk } from '../outputs-directory';
import { adminProcedure, protectedProcedure, router } from '../trpc';
import { ownOrganisationList } from './own-list';

const zProfileId = z.string().trim().min(1).max(100);

export const profilesRouter = router({
  list: protectedProcedure.output(z.array(zProfileListRow)).query(ownOrganisationList(listProfiles)),
  get: protectedProcedure
    .input(z.object({ id: zProfileId }))
    .output(zProfile)
    .query(({ ctx, input }) => loadProfile(ctx.deps.db, ctx.user.organisationId, input.id)),
  /** `profile` is validated by the domain's parseProfile; errors name the field. */
  create: adminProcedure
    .input(z.object({ profile: z.unknown(), basedOn: zProfileId.nullish() }))
    .output(zProfile)
    .mutation(({ ctx, input }) =>
      audited(
        ctx,
        (tx) =>
          createCustomProfile(tx, {
            organisationId: ctx.user.organisationId,
            body: input.profile,
            basedOn: input.basedOn ?? null,
          }),
        (p) => rowEntry('profile.created', p.id, { basedOn: input.basedOn }),
      ),
    ),
  update: adminProcedure
    .input(z.object({ id: zProfileId, profile: z.unknown() }))
    .output(zProfile)
    .mutation(({ ctx, input }) =>
      audited(
        ctx,
        (tx) =>
          updateCustomProfile(tx, {
            organisationId: ctx.user.organisationId,
            id: input.id,
            body: input.profile,
            now: ctx.deps.now(),
          }),
        rowEntry('profile.updated', input.id, { profile: input.profile }),
      ),
    ),
  setForOrganisation: adminProcedure
    .input(z.object({ profileId: zProfileId }))
    .output(zOk)
    .mutation(async ({ ctx, input }) => {
      await audited(
        ctx,
        (tx) => setOrganisationProfile(tx, ctx.user.organisationId, input.profileId),
        rowEntry('profile.selected', input.profileId),
      );
      return { ok: true as const };
    }),
});
