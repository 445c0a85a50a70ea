// Regulation profiles the browser knows: the built-in presets, plus custom ones the server sent (admin screen).
import { getPreset, type Profile } from '@otklik/domain';

const custom = new Map<string, Profile>();

export function rememberProfiles(profiles: readonly Profile[]): void {
  for (const p of profiles) custom.set(p.id, p);
}

export function profileFor(id: string): Profile | undefined {
  return custom.get(id) ?? getPreset(id);
}
