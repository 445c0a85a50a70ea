// The opening most server suites share: the server's dependencies on the suite's database and one test organisation,
// made in a beforeAll registered first, so the suite's own beforeAll hooks (and its tests) can use both.
import { beforeAll } from 'vitest';
import type { Database } from '../db/connect';
import { createDeps, type DepsOptions, type ServerDeps } from '../deps';
import { createOrgFixture, type OrgFixture } from './fixtures';
import { madeLater } from './made-later';

export interface OrgSuite {
  readonly deps: ServerDeps;
  readonly org: OrgFixture;
}

/** Call inside `describeEachDatabase`: `deps` and `org` are read once the suite's first beforeAll has run. */
export function setUpOrgFixture(
  getDb: () => Database,
  deps: Omit<DepsOptions, 'database'> = {},
  org: Parameters<typeof createOrgFixture>[1] = {},
): OrgSuite {
  const suite = madeLater<OrgSuite>('the organisation fixture');
  beforeAll(async () => {
    const made = createDeps({ ...deps, database: getDb() });
    suite.set({ deps: made, org: await createOrgFixture(made, org) });
  });
  return suite.view;
}
