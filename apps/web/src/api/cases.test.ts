// A case opened before the directory has arrived (a link or a reload right after sign-in): its clocks are named once
// the directory is there, not left without names.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useDirectory } from '../stores/directory';
import type { ShownClock } from './adapters';

const absent = '00000000-0000-4000-8000-000000000001';
const department = '00000000-0000-4000-8000-000000000002';
const clock: ShownClock = {
  id: 'draft@1',
  step: 'draft',
  kind: 'step',
  startedAt: 1000,
  dueAt: 9000,
  atRiskAt: 8000,
  confirmed: true,
  status: 'on-track',
  responsible: { role: 'executor', personId: absent, departmentId: department },
  holders: [{ role: 'executor', personId: absent, departmentId: department }],
  holder: 'case',
  rule: '',
};
const answer = {
  case: { id: 'c1', number: 12, organisationId: 'o1', version: 4 },
  profileId: 'some-profile',
  state: {},
  clocks: { active: [clock] },
  allowedActions: [],
  publicationChannel: null,
  timeline: [],
  repeatOf: [],
};
vi.mock('./trpc', () => ({ api: { cases: { detail: { query: async () => answer } } } }));
vi.mock('./profiles', () => ({ profileFor: () => ({}), rememberProfiles: () => {} }));

const { loadCaseDetail } = await import('./cases');

beforeEach(() => useDirectory.setState({ loaded: false, people: [], departments: [] }));

describe('loadCaseDetail', () => {
  it('names the clocks once the directory has arrived, when the case comes first', async () => {
    let done = false;
    const loading = loadCaseDetail('c1').then((d) => {
      done = true;
      return d;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    useDirectory.getState().load({
      organisations: [],
      departments: [{ id: department, organisationId: 'o1', name: 'Отдел ЖКХ' }],
      people: [
        {
          id: absent,
          fullName: 'Лебедев Николай Иванович',
          departmentId: department,
          roles: [],
          position: '',
          active: true,
        },
      ],
      topics: [],
      calendars: new Map(),
    });
    const detail = await loading;
    expect(detail.clocks[0]?.responsibleName).toBe('Лебедев Николай Иванович');
    expect(detail.clocks[0]?.departmentName).toBe('Отдел ЖКХ');
    expect(detail.clocks[0]?.holders[0]?.personName).toBe('Лебедев Николай Иванович');
  });
});
