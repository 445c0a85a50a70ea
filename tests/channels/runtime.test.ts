// The collector loops as `otklik serve` runs them: a comment reaches the board by itself; the node stops in the
// middle of collection and a new one (a restart) goes on from the persisted cursor with nothing lost or doubled;
// one node holds an account's lease; without OTKLIK_SECRET_KEY no token is stored.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { startChannelRuntime } from '../../apps/server/src/channels/runtime';
import { channelAccounts } from '../../apps/server/src/db/schema';
import { startFakeVk } from './fakes/vk';
import { accountRow, casesOf, channelWorld, connectorSuite, describeEachDatabase, vkAccount } from './support';

const until = async (what: string, ok: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describeEachDatabase('channel runtime', (getDb) => {
  const suite = connectorSuite(getDb, { start: startFakeVk, account: vkAccount() });

  it('collects by itself, survives a restart mid-collection, and holds one lease per account', async () => {
    const first = startChannelRuntime(suite.world.deps, { waitSeconds: 1, scanMs: 200, idleMs: 50, nodeId: 'node-a' });
    await until(
      'the first long poll',
      async () => (await accountRow(suite.world, suite.accountId)).lastCollectedAt !== null,
    );
    suite.fake.comment({ postId: 1, fromId: 1, text: 'Первый' });
    await until('the first case', async () => (await casesOf(suite.world)).length === 1);
    // A second node sees the lease taken and does not collect this account.
    const second = startChannelRuntime(suite.world.deps, { waitSeconds: 1, scanMs: 200, idleMs: 50, nodeId: 'node-b' });
    await new Promise((r) => setTimeout(r, 500));
    expect((await accountRow(suite.world, suite.accountId)).leaseOwner).toBe('node-a');
    await second.stop();
    // Stop in the middle (a long poll in flight), while citizens keep writing.
    await first.stop();
    for (let i = 0; i < 5; i++) suite.fake.comment({ postId: 2, fromId: 10 + i, text: `Во время остановки ${i}` });
    expect((await casesOf(suite.world)).length).toBe(1);
    const restarted = startChannelRuntime(suite.world.deps, {
      waitSeconds: 1,
      scanMs: 200,
      idleMs: 50,
      nodeId: 'node-c',
    });
    try {
      await until('the five comments after the restart', async () => (await casesOf(suite.world)).length === 6);
      await new Promise((r) => setTimeout(r, 500));
      const all = await casesOf(suite.world);
      expect(all.length).toBe(6);
      expect(new Set(all.map((c) => c.externalId)).size).toBe(6);
    } finally {
      await restarted.stop();
    }
    expect((await accountRow(suite.world, suite.accountId)).leaseOwner).toBeNull();
  });

  it('refuses to store a token without OTKLIK_SECRET_KEY, clearly', async () => {
    const keyless = await channelWorld(getDb(), { secretKey: null });
    await expect(
      keyless.admin.channels.create({
        network: 'vk',
        url: 'https://vk.com/x',
        token: 'vk1.a.some-token-value',
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('OTKLIK_SECRET_KEY') });
    // A registry entry without a token is still fine.
    await keyless.admin.channels.create({ network: 'vk', url: 'https://vk.com/x' });
    const rows = await keyless.deps.db
      .select()
      .from(channelAccounts)
      .where(eq(channelAccounts.organisationId, keyless.org.organisationId));
    expect(rows.map((r) => r.secretBox)).toEqual([null]);
  });
});
