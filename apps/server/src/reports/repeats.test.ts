// Repeat suggestions over a bounded window: while an organisation's cases fit the window, the suggestions are exactly
// those of one index over every case (as before the window existed); beyond it, an author's earlier cases are still
// found (through the author index), and only other authors' similar texts older than the window are left out.
import { type Actor, type RepeatDoc, RepeatIndex } from '@otklik/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeCaseCommand, SYSTEM_ACTOR } from '../cases/commands';
import type { ServerDeps } from '../deps';
import type { CommittedEvent } from '../events-bus';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture } from '../test/fixtures';
import { setUpOrgFixture } from '../test/org-suite';
import { seededRandom } from '../test/seeded-random';
import { countStatements } from '../test/statement-counter';
import { applyToRepeatIndex, repeatCandidates, resetRepeatIndexes } from './repeats';

const START = Date.UTC(2026, 9, 5, 7, 0); // Mon 5 Oct 2026, 10:00 Moscow
const HOUR = 3_600_000;

const PROBLEMS = [
  'огромная яма на дороге у школы',
  'не горят фонари во дворе',
  'не вывозят мусор уже неделю',
  'нет горячей воды в доме',
  'автобус не приходит по расписанию',
  'течёт крыша в подъезде',
];
const STREETS = ['Ленина', 'Мира', 'Садовая', 'Школьная'];

interface Registered {
  id: string;
  doc: RepeatDoc;
}

async function register(
  deps: ServerDeps,
  organisationId: string,
  at: number,
  author: string,
  text: string,
): Promise<Registered> {
  const r = await executeCaseCommand(deps, {
    organisationId,
    actor: SYSTEM_ACTOR,
    command: {
      type: 'register',
      network: 'vk',
      link: `https://vk.com/wall-1_${at}`,
      author: { name: author },
      text,
      attachments: [],
      visibility: 'public',
    },
    now: at,
  });
  return { id: r.caseId, doc: { caseId: r.caseId, at, author: { name: author }, text, topic: null, location: null } };
}

const shape = (c: {
  caseId: string;
  similarity: number;
  sameAuthor: boolean;
  sameTopic: boolean;
  sameLocation: boolean;
}) => ({
  caseId: c.caseId,
  similarity: c.similarity,
  sameAuthor: c.sameAuthor,
  sameTopic: c.sameTopic,
  sameLocation: c.sameLocation,
});

describeEachDatabase('repeat suggestions', (getDb) => {
  const fx = setUpOrgFixture(getDb);
  let curator: Actor;

  beforeAll(async () => {
    curator = { personId: fx.org.people.curator.id, roles: ['curator'], departmentIds: [] };
    resetRepeatIndexes();
  });
  afterAll(() => resetRepeatIndexes());

  describe('within the window', () => {
    const all: Registered[] = [];

    beforeAll(async () => {
      const rand = seededRandom(3);
      const authors = Array.from({ length: 12 }, (_, i) => `Житель ${i + 1}`);
      for (let i = 0; i < 70; i++) {
        const at = START + i * HOUR;
        const problem = PROBLEMS[Math.floor(rand() * PROBLEMS.length)]!;
        const street = STREETS[Math.floor(rand() * STREETS.length)]!;
        const text =
          rand() < 0.3
            ? `Здравствуйте, на улице ${street} ${problem}. Примите меры!`
            : `${problem}, улица ${street}, дом ${1 + Math.floor(rand() * 9)}`;
        const c = await register(
          fx.deps,
          fx.org.organisationId,
          at,
          authors[Math.floor(rand() * authors.length)]!,
          text,
        );
        // Half of them triaged: a topic and a place narrow the text matches to the same topic or place.
        if (rand() < 0.5) {
          const topic = problem.split(' ').at(-1)!;
          await executeCaseCommand(fx.deps, {
            organisationId: fx.org.organisationId,
            caseId: c.id,
            actor: curator,
            command: { type: 'triage', topic, location: street, category: 'ordinary', processable: true },
            now: at + 60_000,
          });
          all.push({ ...c, doc: { ...c.doc, topic, location: street } });
        } else all.push(c);
      }
    }, 240_000);

    it('keeps a built index current from the events of a registration and a triage, reading nothing', async () => {
      resetRepeatIndexes();
      const now = START + 100 * HOUR;
      const asked = all[0]!;
      await repeatCandidates(fx.deps.db, fx.org.organisationId, asked.id, 10, { now });
      // Two repeats of a triaged case, each triaged the same way (their own events, as the watcher hands them over).
      const triaged = all.find((c) => c.doc.topic !== null)!;
      const events: CommittedEvent[] = [];
      const ids: string[] = [];
      for (const [i, prefix] of ['Повторно', 'И снова'].entries()) {
        const at = START + (80 + i) * HOUR;
        const registered = await executeCaseCommand(fx.deps, {
          organisationId: fx.org.organisationId,
          actor: SYSTEM_ACTOR,
          command: {
            type: 'register',
            network: 'vk',
            link: `https://vk.com/wall-1_again${i}`,
            author: triaged.doc.author,
            text: `${prefix}: ${triaged.doc.text}`,
            attachments: [],
            visibility: 'public',
          },
          now: at,
        });
        const triage = await executeCaseCommand(fx.deps, {
          organisationId: fx.org.organisationId,
          caseId: registered.caseId,
          actor: curator,
          command: {
            type: 'triage',
            topic: triaged.doc.topic,
            location: triaged.doc.location,
            category: 'ordinary',
            processable: true,
          },
          now: at + 60_000,
        });
        events.push(...registered.events, ...triage.events);
        ids.push(registered.caseId);
      }
      const applied = await countStatements(() => applyToRepeatIndex(fx.deps.db, events));
      expect(applied.recording.statements).toEqual([]);
      // The second finds the first (held from its events) as an index built afresh from the table finds it.
      const kept = await repeatCandidates(fx.deps.db, fx.org.organisationId, ids[1]!, 10, { now });
      resetRepeatIndexes();
      const rebuilt = await repeatCandidates(fx.deps.db, fx.org.organisationId, ids[1]!, 10, { now });
      expect(kept.map(shape)).toEqual(rebuilt.map(shape));
      expect(kept.find((c) => c.caseId === ids[0])).toMatchObject({
        sameAuthor: true,
        sameTopic: true,
        sameLocation: true,
      });
      resetRepeatIndexes();
    });

    // The build reads the window's texts in pages (2,000 cases by default: all of these at once; 8 at a time, the
    // last page short): either way the index holds the same cases in the same order.
    it.each([
      ['read at once', undefined],
      ['read 8 cases at a time', { days: 365, maxCases: 30_000, page: 8 }],
    ])('suggests exactly what one index over every case suggests (%s)', async (_, window) => {
      resetRepeatIndexes();
      const full = new RepeatIndex();
      for (const c of all) full.add(c.doc);
      let suggested = 0;
      // The most recent first: a case the build left out would not be added by being asked before it is suggested.
      for (const c of [...all].reverse()) {
        const got = await repeatCandidates(fx.deps.db, fx.org.organisationId, c.id, 10, {
          now: START + 100 * HOUR,
          ...(window ? { window } : {}),
        });
        expect(got.map(shape)).toEqual(full.candidates(c.doc, { limit: 10 }).map(shape));
        suggested += got.length;
      }
      // Not a comparison of empty lists: the corpus has repeats to suggest.
      expect(suggested).toBeGreaterThan(100);
    });
  });

  describe('beyond the window', () => {
    it("finds the author's old cases through the author index, not other authors' old texts", async () => {
      const own = await createOrgFixture(fx.deps);
      const first = await register(
        fx.deps,
        own.organisationId,
        START,
        'Старожил',
        'Опять не горят фонари на улице Мира',
      );
      const other = await register(fx.deps, own.organisationId, START + HOUR, 'Сосед', 'Не горят фонари на улице Мира');
      const later: Registered[] = [];
      for (let i = 0; i < 30; i++) {
        later.push(
          await register(
            fx.deps,
            own.organisationId,
            START + (10 + i) * HOUR,
            `Житель ${i}`,
            `Вопрос номер ${i} о работе ЖКХ`,
          ),
        );
      }
      const query = await register(
        fx.deps,
        own.organisationId,
        START + 50 * HOUR,
        'Старожил',
        'Снова не горят фонари на улице Мира',
      );
      resetRepeatIndexes();
      const window = { days: 365, maxCases: 20 };
      const got = await repeatCandidates(fx.deps.db, own.organisationId, query.id, 10, {
        window,
        now: START + 60 * HOUR,
      });
      // Against one index over everything: the same author's case with the same figures; the neighbour's is gone.
      const full = new RepeatIndex();
      for (const c of [first, other, ...later, query]) full.add(c.doc);
      const everything = full.candidates(query.doc, { limit: 10 }).map(shape);
      expect(everything.map((c) => c.caseId)).toEqual([first.id, other.id]);
      expect(got.map(shape)).toEqual([everything[0]]);
    }, 120_000);
  });
});
