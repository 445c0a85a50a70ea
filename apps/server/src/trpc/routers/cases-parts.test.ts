// Optimistic concurrency per part (issue 12 item 9): in a parallel set (krasnoufimsk p.17) each department sends its
// part from the version it opened; another department's part sent meanwhile is no conflict, while a change to the
// same department's part (its own part already sent, the case moved) still is one.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases';
import { type Caller, signInAs } from '../../test/fixtures';
import { setUpOrgFixture } from '../../test/org-suite';

// Tuesday 24 Nov 2026, 10:00 Yekaterinburg (05:00 UTC): a working day.
const TUESDAY_10_YEKT = Date.UTC(2026, 10, 24, 5, 0);

describeEachDatabase('cases: parts of a parallel set', (getDb) => {
  const fx = setUpOrgFixture(
    getDb,
    { now: () => TUESDAY_10_YEKT },
    { profileId: 'krasnoufimsk-2021', timeZone: 'Asia/Yekaterinburg' },
  );
  let as: Record<'operator' | 'curator' | 'roads' | 'housing', Caller>;

  beforeAll(async () => {
    as = await signInAs(fx.deps, fx.org, ['operator', 'curator', 'roads', 'housing']);
  });

  /** A message routed in parallel to roads and housing; returns its id and the version both executors open. */
  async function parallelCase(text: string) {
    const { caseId } = await as.operator.cases.register({
      network: 'vk',
      link: 'https://vk.com/wall-1_200',
      author: { name: 'Иван Петров' },
      text,
      attachments: [],
      visibility: 'public',
    });
    await as.curator.cases.command({
      caseId,
      expectedVersion: 1,
      command: { type: 'triage', topic: 'Дороги', location: 'ул. Мира', category: 'ordinary', processable: true },
    });
    await as.curator.cases.command({
      caseId,
      expectedVersion: 2,
      command: {
        type: 'route',
        mode: 'parallel',
        assignments: [
          { departmentId: fx.org.departments.roads, executorId: fx.org.people.roadsExecutor.id },
          { departmentId: fx.org.departments.housing, executorId: fx.org.people.housingExecutor.id },
        ],
      },
    });
    const detail = await as.roads.cases.detail({ caseId });
    return { caseId, opened: detail.case.version };
  }

  /** A department's part of the case, sent by `who` from the version `expectedVersion`. */
  const sendPart = (who: Caller, caseId: string, expectedVersion: number, departmentId: string, text: string) =>
    who.cases.command({
      caseId,
      expectedVersion,
      command: { type: 'submit-contribution', departmentId, text, attachments: [] },
    });

  it('accepts the second department’s part sent from the version it opened before the first part', async () => {
    const { caseId, opened } = await parallelCase('Во дворе дома 4 яма и прорвало трубу');
    await sendPart(as.roads, caseId, opened, fx.org.departments.roads, 'Яму засыплют щебнем в среду.');
    // Housing opened the case before the roads part arrived and sends from that version.
    await sendPart(as.housing, caseId, opened, fx.org.departments.housing, 'Трубу заменят сегодня до 18:00.');
    const detail = await as.curator.cases.detail({ caseId });
    expect(detail.state.contributions.map((c: { text: string }) => c.text)).toEqual([
      'Яму засыплют щебнем в среду.',
      'Трубу заменят сегодня до 18:00.',
    ]);
  });

  it('still refuses a part whose own department changed since the version it was based on', async () => {
    const { caseId, opened } = await parallelCase('Не горят фонари и течёт крыша');
    await sendPart(as.roads, caseId, opened, fx.org.departments.roads, 'Фонари починят завтра.');
    // The same department sends again from the old version (a second window): its part has changed meanwhile.
    await expect(
      sendPart(as.roads, caseId, opened, fx.org.departments.roads, 'Фонари починят сегодня.'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // A whole-case command from the old version is a conflict as before.
    await expect(
      as.curator.cases.command({ caseId, expectedVersion: opened, command: { type: 'flag-socially-significant' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    // A version from the future is never accepted.
    await expect(
      sendPart(as.housing, caseId, opened + 5, fx.org.departments.housing, 'Крышу осмотрят.'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
