// Loads the organisation (with its working calendar), departments, people and topics into the directory store.
import { type CalendarOverrides, createCalendar, type WorkingCalendar } from '@otklik/domain';
import { useDirectory } from '../stores/directory';
import { api } from './trpc';

export async function loadDirectory(): Promise<void> {
  const [org, departments, people, topics] = await Promise.all([
    api.directory.organisation.query(),
    api.directory.departments.query(),
    api.directory.people.query(),
    api.directory.topics.query(),
  ]);
  const calendars = new Map<string, WorkingCalendar>();
  calendars.set(
    org.id,
    createCalendar({
      timeZone: org.timeZone,
      overrides: (org.calendarOverrides ?? {}) as CalendarOverrides,
      years: org.calendarYears,
    }),
  );
  useDirectory.getState().load({
    organisations: [{ id: org.id, name: org.name, timeZone: org.timeZone, profileId: org.profileId }],
    departments: departments.map((d) => ({ id: d.id, organisationId: d.organisationId, name: d.name })),
    people: people.map((p) => ({
      id: p.id,
      fullName: p.fullName,
      departmentId: p.departmentId,
      roles: p.roles,
      position: p.position,
      active: p.active,
    })),
    topics: topics.map((x) => ({ id: x.id, name: x.name, listed: x.listed, active: x.active })),
    calendars,
  });
}
