// A regulation profile's words in the reader's language: what is wrong with a profile (parseProfile's issues, a key
// and parameters), a rejection ground's label kept in both languages, and how a deadline was reached (a clock's
// rule parts). The catalogue and the wording live in the domain (profiles/messages.ts, sla/rules.ts), which the CLI
// and the presets' own check use too; the server, the web app and the tests read them from here.

import { type DeadlineRule, zStepId, zStepRule } from '@otklik/domain';
import { z } from 'zod';
import type { Assert, Same } from './same-shape';

export {
  deadlineRuleText,
  isProfileIssueKey,
  PROFILE_ISSUE_KEYS,
  PROFILE_ISSUES,
  type ProfileIssue,
  type ProfileIssueKey,
  type ProfileIssueParams,
  type ProfileLang,
  type ProfileText,
  profileIssueText,
  profileTextIn,
} from '@otklik/domain';

/** How a deadline was reached (the domain's `DeadlineRule`): each step's rule, short track and shortening marks. */
export const zDeadlineRule = z
  .array(
    z.object({
      step: zStepId,
      rule: zStepRule,
      shortTrack: z.literal(true).optional(),
      shortened: z.literal(true).optional(),
    }),
  )
  .readonly();

/** Fail the typecheck when the schema and the domain's type differ. */
export type DeadlineRuleSchemaMatchesDomain = Assert<Same<z.infer<typeof zDeadlineRule>, DeadlineRule>>;
