// Shared set-up of the channel tests: a database per file (PGlite, and PostgreSQL with TEST_DATABASE_URL), an
// organisation under nao-2020 (the curator publishes), accounts connected through the admin API exactly as the
// admin screen does it, and a case walked to an approved draft.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { collectOnce } from '../../apps/server/src/channels/collect';
import type { Database } from '../../apps/server/src/db/connect';
import { cases, channelAccounts } from '../../apps/server/src/db/schema';
import { createDeps, type ServerDeps } from '../../apps/server/src/deps';
import { type Caller, createOrgFixture, type OrgFixture, signIn } from '../../apps/server/src/test/fixtures';

export { describeEachDatabase } from '../../apps/server/src/test/databases';

export interface ChannelWorld {
  deps: ServerDeps;
  org: OrgFixture;
  admin: Caller;
  curator: Caller;
  executor: Caller;
}

export async function channelWorld(
  database: Database,
  options: { secretKey?: Buffer | null; attachmentsDir?: string } = {},
): Promise<ChannelWorld> {
  const deps = createDeps({
    database,
    secretKey: options.secretKey === undefined ? randomBytes(32) : options.secretKey,
    ...(options.attachmentsDir ? { attachmentsDir: options.attachmentsDir } : {}),
  });
  const org = await createOrgFixture(deps, { profileId: 'nao-2020' });
  return {
    deps,
    org,
    admin: await signIn(deps, org.people.admin.login),
    curator: await signIn(deps, org.people.curator.login),
    executor: await signIn(deps, org.people.roadsExecutor.login),
  };
}

export async function connect(
  world: ChannelWorld,
  input: Parameters<Caller['channels']['create']>[0],
): Promise<string> {
  const account = await world.admin.channels.create(input);
  await world.admin.channels.check({ id: account.id });
  return account.id;
}

export async function accountRow(world: ChannelWorld, id: string) {
  const [row] = await world.deps.db.select().from(channelAccounts).where(eq(channelAccounts.id, id));
  if (!row) throw new Error('no account');
  return row;
}

/** Triage, route to roads, draft, approve: the case waits for publication. */
export async function approve(
  world: ChannelWorld,
  caseId: string,
  text = 'Яму заделаем до пятницы.',
  attachments: { kind: 'photo' | 'video' | 'document' | 'other'; url: string; name?: string }[] = [],
) {
  const { curator, executor, org } = world;
  let v = (await curator.cases.detail({ caseId })).case.version;
  const run = async (as: Caller, command: Parameters<Caller['cases']['command']>[0]['command']) => {
    const r = await as.cases.command({ caseId, expectedVersion: v, command });
    v = r.version;
  };
  await run(curator, { type: 'triage', topic: 'дороги', location: 'центр', category: 'ordinary', processable: true });
  await run(curator, {
    type: 'route',
    mode: 'single',
    assignments: [{ departmentId: org.departments.roads, executorId: org.people.roadsExecutor.id }],
  });
  await run(executor, { type: 'submit-draft', kind: 'answer', text, attachments });
  await run(curator, { type: 'approve' });
  return v;
}

export async function caseByExternalId(world: ChannelWorld, externalId: string) {
  const [row] = await world.deps.db
    .select()
    .from(cases)
    .where(and(eq(cases.organisationId, world.org.organisationId), eq(cases.externalId, externalId)));
  if (!row) throw new Error(`no case for ${externalId}`);
  return row;
}

export async function casesOf(world: ChannelWorld) {
  return world.deps.db.select().from(cases).where(eq(cases.organisationId, world.org.organisationId));
}

type ConnectInput = Parameters<Caller['channels']['create']>[0];

export interface ConnectorSuite<F> {
  /** The fake social network the account talks to. */
  readonly fake: F;
  readonly world: ChannelWorld;
  /** The account connected to `fake` through the admin API. */
  readonly accountId: string;
  /** One collection pass of the account, not waiting for new messages. */
  collect(): ReturnType<typeof collectOnce>;
}

/**
 * The set-up of a connector test file, registered as its `beforeAll`/`afterAll`: the fake network started, a new
 * world on the file's database, the account connected (and collected once with `collectFirst`); the fake closed after.
 */
export function connectorSuite<F extends { close(): Promise<void> }>(
  getDb: () => Database,
  setup: {
    start: () => Promise<F>;
    account: (fake: F) => ConnectInput;
    world?: Parameters<typeof channelWorld>[1];
    collectFirst?: boolean;
  },
): ConnectorSuite<F> {
  let fake: F | undefined;
  let world: ChannelWorld | undefined;
  let accountId: string | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('connectorSuite: used before its beforeAll ran');
    return value;
  };
  const suite: ConnectorSuite<F> = {
    get fake() {
      return ready(fake);
    },
    get world() {
      return ready(world);
    },
    get accountId() {
      return ready(accountId);
    },
    collect: () => collectOnce(suite.world.deps, suite.accountId, { waitSeconds: 0 }),
  };
  beforeAll(async () => {
    fake = await setup.start();
    world = await channelWorld(getDb(), setup.world);
    accountId = await connect(world, setup.account(fake));
    if (setup.collectFirst) await suite.collect();
  });
  afterAll(async () => {
    await fake?.close();
  });
  return suite;
}

/** A VK community account on the fake VK API (`name`: the community's address on vk.com). */
export const vkAccount =
  (name = 'adm_test') =>
  (vk: { token: string; apiBaseUrl: string }): ConnectInput => ({
    network: 'vk',
    url: `https://vk.com/${name}`,
    token: vk.token,
    apiBaseUrl: vk.apiBaseUrl,
  });
