// Names of the organisation's people and departments for the report's tables (ids stay in the summary itself).
import type { NameLookup, ReportLang } from '@otklik/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { departments, people } from '../db/schema';

export interface Directory {
  readonly people: Record<string, string>;
  readonly departments: Record<string, string>;
}

export async function loadDirectory(db: DbOrTx, organisationId: string): Promise<Directory> {
  const [ps, ds] = await Promise.all([
    db.select({ id: people.id, name: people.fullName }).from(people).where(eq(people.organisationId, organisationId)),
    db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.organisationId, organisationId)),
  ]);
  return {
    people: Object.fromEntries(ps.map((p) => [p.id, p.name])),
    departments: Object.fromEntries(ds.map((d) => [d.id, d.name])),
  };
}

const SYSTEM: Record<ReportLang, string> = { ru: 'Система', en: 'System' };

/** Ids not in the directory (a deleted person) are shown as they are; the 'system' actor in the reader's language. */
export function nameLookup(
  d: Directory,
  caseNumbers: Readonly<Record<string, number>> = {},
  lang: ReportLang = 'ru',
): NameLookup {
  return {
    person: (id) => d.people[id] ?? (id === 'system' ? SYSTEM[lang] : id),
    department: (id) => d.departments[id] ?? id,
    caseLabel: (id) => (caseNumbers[id] === undefined ? id : `№ ${caseNumbers[id]}`),
  };
}
