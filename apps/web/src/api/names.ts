// Name lookups over the directory store, for adapters that receive ids.
import { useDirectory } from '../stores/directory';
import type { NameLookup } from './adapters';

export function directoryNames(): NameLookup {
  const d = useDirectory.getState();
  const people = new Map(d.people.map((p) => [p.id, p.fullName]));
  const departments = new Map(d.departments.map((x) => [x.id, x.name]));
  const orgs = new Map(d.organisations.map((o) => [o.id, o.name]));
  return {
    person: (id) => (id ? (people.get(id) ?? null) : null),
    department: (id) => (id ? (departments.get(id) ?? null) : null),
    organisation: (id) => orgs.get(id) ?? '',
  };
}
