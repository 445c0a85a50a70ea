// The part of a profile's clock model that folding a case's events needs (start, stop, holder of each clock): pinned
// into the registration event so a case keeps the model it was registered under.
import type { PinnedModel } from '../workflow/types';
import type { ClockModel, Profile, StepId } from './schema';

export function pinModel(profile: Pick<Profile, 'clocks'>): PinnedModel {
  const out: Partial<Record<StepId, { start: never; stop: never; holder: never }>> = {};
  for (const [id, spec] of Object.entries(profile.clocks) as [StepId, ClockModel[keyof ClockModel]][]) {
    if (!spec) continue;
    out[id] = { start: spec.start, stop: spec.stop, holder: spec.holder } as never;
  }
  return out as PinnedModel;
}
