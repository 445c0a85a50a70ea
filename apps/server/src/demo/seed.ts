// Creates the demo data: organisations, departments, people (this file) and their cases (demo/cases.ts, built by
// issuing real domain commands with times relative to now). `seedDemo` first removes earlier demo organisations.
import { count, inArray } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import { LOCK_KEYS, withAdvisoryLock } from '../db/advisory-lock';
import type { Db } from '../db/connect';
import { departments, organisations, people, places, topics } from '../db/schema';
import type { ServerDeps } from '../deps';
import { seedDemoCases } from './cases';
import { DEMO_LISTED_TOPICS, DEMO_PLACES, DEMO_TOPICS } from './messages';
import { DEMO_DEPARTMENTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, type DemoDepartmentKey, demoPeople } from './roster';

export interface SeededOrganisation {
  id: string;
  slug: string;
  profileId: string;
  timeZone: string;
  share: 'main' | 'small';
  departments: Record<DemoDepartmentKey, string>;
  /** Person id by roster key ('curator', 'roads'…). */
  people: Record<string, string>;
}

interface SeedOptions {
  log?: (line: string) => void;
}

async function seedDirectory(db: Db, passwordHash: string): Promise<SeededOrganisation[]> {
  const seeded: SeededOrganisation[] = [];
  for (const [index, org] of DEMO_ORGANISATIONS.entries()) {
    const [row] = await db
      .insert(organisations)
      .values({ slug: org.slug, name: org.name, timeZone: org.timeZone, profileId: org.profileId })
      .returning();
    const orgId = row!.id;
    const deptRows = await db
      .insert(departments)
      .values(Object.values(DEMO_DEPARTMENTS).map((name) => ({ organisationId: orgId, name })))
      .returning();
    const deptIds = Object.fromEntries(
      (Object.entries(DEMO_DEPARTMENTS) as [DemoDepartmentKey, string][]).map(([key, name]) => [
        key,
        deptRows.find((d) => d.name === name)!.id,
      ]),
    ) as Record<DemoDepartmentKey, string>;
    const roster = demoPeople(index);
    const personRows = await db
      .insert(people)
      .values(
        roster.map((p) => ({
          organisationId: orgId,
          fullName: p.fullName,
          position: p.position,
          login: p.login,
          email: `${p.login}@demo.otklik.local`,
          passwordHash,
          roles: p.roles,
          // The first organisation's administrator also manages the region's organisations (Administration → Organisations).
          regionAdministrator: index === 0 && p.key === 'admin',
          departmentId: p.department ? deptIds[p.department] : null,
        })),
      )
      .returning();
    const personIds = Object.fromEntries(roster.map((p) => [p.key, personRows.find((r) => r.login === p.login)!.id]));
    for (const p of roster) {
      for (const dept of p.supervises ?? []) {
        await db
          .update(departments)
          .set({ supervisingDeputyId: personIds[p.key]! })
          .where(inArray(departments.id, [deptIds[dept]]));
      }
    }
    // The person who receives the deficiency notices about the curator's and the operator's breaches.
    const supervisor = personIds[org.staffSupervisor]!;
    await db
      .update(organisations)
      .set({ curatorSupervisorId: supervisor, operatorSupervisorId: supervisor })
      .where(inArray(organisations.id, [orgId]));
    // The topic directory; in NAO the p.16 list of topics with a 4-hour answer is marked.
    await db.insert(topics).values(
      DEMO_TOPICS.map((name) => ({
        organisationId: orgId,
        name,
        listed: org.profileId === 'nao-2020' && DEMO_LISTED_TOPICS.includes(name),
      })),
    );
    await db.insert(places).values(DEMO_PLACES.map((p) => ({ organisationId: orgId, ...p })));
    seeded.push({
      id: orgId,
      slug: org.slug,
      profileId: org.profileId,
      timeZone: org.timeZone,
      share: org.share,
      departments: deptIds,
      people: personIds,
    });
  }
  return seeded;
}

/** Removes the demo organisations (everything of theirs cascades) and creates them again. */
export async function seedDemo(deps: ServerDeps, options: SeedOptions = {}): Promise<SeededOrganisation[]> {
  const log = options.log ?? (() => {});
  await deps.db.delete(organisations).where(
    inArray(
      organisations.slug,
      DEMO_ORGANISATIONS.map((o) => o.slug),
    ),
  );
  // One hash for every demo account: they share the password anyway, and argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await seedDirectory(deps.db, passwordHash);
  log(`Демо: организаций — ${seeded.length}, подразделения и сотрудники созданы`);
  await seedDemoCases(deps, seeded, { log });
  return seeded;
}

/** Seeds only when there is no organisation at all (the first start). Nodes starting together on one PostgreSQL
 *  take turns: the first seeds, the others then find the organisations and skip. */
export function seedDemoIfEmpty(deps: ServerDeps, options: SeedOptions = {}): Promise<boolean> {
  return withAdvisoryLock(deps.database, LOCK_KEYS.demoSeed, async () => {
    const [row] = await deps.db.select({ n: count() }).from(organisations);
    if ((row?.n ?? 0) > 0) return false;
    await seedDemo(deps, options);
    return true;
  });
}
