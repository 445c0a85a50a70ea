// The five built-in regulation profiles, validated once so callers get complete Profile objects.
import { profileIssueText } from '../messages';
import { parseProfile } from '../parse';
import type { Profile, ProfileInput } from '../schema';
import { idrinsky2021 } from './idrinsky-2021';
import { konyshevsky2020 } from './konyshevsky-2020';
import { krasnoufimsk2021 } from './krasnoufimsk-2021';
import { nao2020 } from './nao-2020';
import { slavgorod2020 } from './slavgorod-2020';

function checked(input: ProfileInput): Profile {
  const result = parseProfile(input);
  if (!result.ok) {
    // A preset is code we ship: an invalid one is a programming error caught by the preset tests.
    throw new Error(
      `preset ${input.id}: ${result.errors.map((e) => `${e.path}: ${profileIssueText(e, 'en')}`).join('; ')}`,
    );
  }
  return result.profile;
}

export const PRESETS: Readonly<Record<string, Profile>> = Object.fromEntries(
  [konyshevsky2020, idrinsky2021, slavgorod2020, krasnoufimsk2021, nao2020].map((p) => [p.id, checked(p)]),
);
export const PRESET_IDS = [
  'konyshevsky-2020',
  'idrinsky-2021',
  'slavgorod-2020',
  'krasnoufimsk-2021',
  'nao-2020',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export function getPreset(id: string): Profile | undefined {
  return PRESETS[id];
}
