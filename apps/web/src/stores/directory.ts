// Reference data every screen needs to show names and deadlines: organisations with their working calendars,
// departments and people (id → name). Loaded once after sign-in; the calendar objects come from the shared engine.
import type { WorkingCalendar } from '@otklik/domain';
import { create } from 'zustand';

export interface OrganisationInfo {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly profileId: string;
}
export interface DepartmentInfo {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
}
/** An entry of the organisation's topic directory (triage chooses from it; NAO p.16 marks some as listed). */
export interface TopicInfo {
  readonly id: string;
  readonly name: string;
  readonly listed: boolean;
  readonly active: boolean;
}
export interface PersonInfo {
  readonly id: string;
  readonly fullName: string;
  readonly departmentId: string | null;
  readonly roles: readonly string[];
  readonly position: string;
  /** A deactivated person stays in the directory (names in the history) but takes no new work. */
  readonly active: boolean;
}

interface DirectoryState {
  readonly loaded: boolean;
  readonly organisations: readonly OrganisationInfo[];
  readonly departments: readonly DepartmentInfo[];
  readonly people: readonly PersonInfo[];
  readonly topics: readonly TopicInfo[];
  readonly calendars: ReadonlyMap<string, WorkingCalendar>;
  load(data: {
    organisations: readonly OrganisationInfo[];
    departments: readonly DepartmentInfo[];
    people: readonly PersonInfo[];
    topics: readonly TopicInfo[];
    calendars: ReadonlyMap<string, WorkingCalendar>;
  }): void;
}

export const useDirectory = create<DirectoryState>()((set) => ({
  loaded: false,
  organisations: [],
  departments: [],
  people: [],
  topics: [],
  calendars: new Map(),
  load: (data) => set({ ...data, loaded: true }),
}));

/** Resolves once the directory is loaded (at once when it is): screens that name people from ids wait for it. */
export function directoryLoaded(): Promise<void> {
  if (useDirectory.getState().loaded) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useDirectory.subscribe((state) => {
      if (!state.loaded) return;
      stop();
      resolve();
    });
  });
}
