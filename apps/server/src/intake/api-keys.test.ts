// An API key's "last used" mark: intake marks it at most once a minute, not on every message (issue 15: one write per
// message was part of intake's cost); a revoked or unknown key finds no organisation and marks nothing.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { apiKeys, organisations } from '../db/schema';
import { describeEachDatabase } from '../test/databases';
import { setUpOrgFixture } from '../test/org-suite';
import { API_KEY_USE_MARK_MS, apiKeyHolder, createApiKey, revokeApiKey } from './api-keys';

const T0 = Date.UTC(2026, 10, 24, 7, 0);

describeEachDatabase('API key use marks', (getDb) => {
  const fx = setUpOrgFixture(getDb, { now: () => T0 });

  it('marks a key when first used, then again only once its mark is a minute old', async () => {
    const { db } = fx.deps;
    const orgId = fx.org.organisationId;
    const created = await createApiKey(db, orgId, 'monitoring');
    const lastUsed = async () =>
      (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, created.id)))[0]?.at?.getTime();

    expect(await lastUsed()).toBeUndefined();
    expect(await apiKeyHolder(db, created.key, T0)).toEqual({ organisationId: orgId, archived: false });
    expect(await lastUsed()).toBe(T0);
    // Within the minute: the organisation is found, the mark stays.
    expect(await apiKeyHolder(db, created.key, T0 + API_KEY_USE_MARK_MS - 1)).toEqual({
      organisationId: orgId,
      archived: false,
    });
    expect(await lastUsed()).toBe(T0);
    // A minute on: marked again.
    expect(await apiKeyHolder(db, created.key, T0 + API_KEY_USE_MARK_MS)).toEqual({
      organisationId: orgId,
      archived: false,
    });
    expect(await lastUsed()).toBe(T0 + API_KEY_USE_MARK_MS);

    expect(await apiKeyHolder(db, 'otk_not-a-key', T0)).toBeNull();
    await revokeApiKey(db, orgId, created.id, T0 + 2 * API_KEY_USE_MARK_MS);
    expect(await apiKeyHolder(db, created.key, T0 + 5 * API_KEY_USE_MARK_MS)).toBeNull();
    expect(await lastUsed()).toBe(T0 + API_KEY_USE_MARK_MS);
  });

  it("says when the key's organisation is archived", async () => {
    const { db } = fx.deps;
    const orgId = fx.org.organisationId;
    const created = await createApiKey(db, orgId, 'monitoring');
    await db
      .update(organisations)
      .set({ archivedAt: new Date(T0) })
      .where(eq(organisations.id, orgId));
    try {
      expect(await apiKeyHolder(db, created.key, T0)).toEqual({ organisationId: orgId, archived: true });
    } finally {
      await db.update(organisations).set({ archivedAt: null }).where(eq(organisations.id, orgId));
    }
    expect(await apiKeyHolder(db, created.key, T0)).toEqual({ organisationId: orgId, archived: false });
  });
});
