// The input of a new organisation with its first administrator (first-run page and region administrators' form).
import { describePasswordProblem, PRESET_IDS, passwordProblem } from '@otklik/domain';
import { z } from 'zod';
import type { NewOrganisationInput } from '../setup/new-organisation';
import { zName } from './inputs';

/** A new password in an API input: the domain's password rule, its message on the `password` field. */
export const zNewPassword = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: 'custom', message: describePasswordProblem(problem) });
});

export const zNewOrganisation = z.object({
  name: zName,
  presetId: z.enum(PRESET_IDS, { message: 'validation.choose-preset' }),
  timeZone: z.string().trim().min(1, 'validation.time-zone-required').max(64),
  admin: z.object({
    fullName: zName,
    login: z
      .string()
      .trim()
      .regex(/^[a-zA-Z0-9._-]{2,50}$/, 'validation.login-format'),
    email: z.email({ message: 'validation.email' }).nullish(),
    password: zNewPassword,
  }),
});

export type NewOrganisationForm = z.infer<typeof zNewOrganisation>;

export function newOrganisationInput(form: NewOrganisationForm, regionAdministrator: boolean): NewOrganisationInput {
  return {
    name: form.name,
    timeZone: form.timeZone,
    profile: { presetId: form.presetId },
    admin: { ...form.admin, email: form.admin.email ?? null },
    regionAdministrator,
  };
}
