// Looks up demo people and departments by login through the API, so tests name people as the UI shows them.
import type { TestSession } from '../../support/typed-client';
import type { Department, Person } from './api';

export interface Named {
  person: Person;
  department: Department;
  /** As the board writes it: 'Фамилия И. О.' */
  short: string;
}

export function shortName(fullName: string): string {
  const [last, ...rest] = fullName.trim().split(/\s+/);
  return [last, ...rest.map((p) => `${p[0]}.`)].join(' ');
}

export async function findPeople(session: TestSession, logins: readonly string[]): Promise<Record<string, Named>> {
  const [people, departments] = await Promise.all([
    session.api.directory.people.query(),
    session.api.directory.departments.query(),
  ]);
  const out: Record<string, Named> = {};
  for (const login of logins) {
    const person = people.find((p) => p.login === login);
    const department = departments.find((d) => d.id === person?.departmentId);
    if (!person || !department) throw new Error(`demo person ${login} with a department not found`);
    out[login] = { person, department, short: shortName(person.fullName) };
  }
  return out;
}
