// placeholder until the demo cases are written
import type { ServerDeps } from '../deps';
import type { SeededOrganisation } from './seed';

export async function seedDemoCases(
  _deps: ServerDeps,
  _orgs: SeededOrganisation[],
  _options: { log: (line: string) => void },
): Promise<void> {}
