// Repeat suggestions: same author whatever the text, similar text only on the same topic or location, never a later
// case or the case itself; inflected Russian words still match through trigrams.
import { describe, expect, it } from 'vitest';
import { authorKeyOf, type RepeatDoc, RepeatIndex } from './repeats';
import { jaccardSorted, normaliseText, trigramsOf } from './text-shingles';

const doc = (caseId: string, at: number, text: string, extra: Partial<RepeatDoc> = {}): RepeatDoc => ({
  caseId,
  at,
  author: { name: `Автор ${caseId}` },
  text,
  topic: 'дороги',
  location: 'Конышёвка',
  ...extra,
});

describe('text shingles', () => {
  it('normalises case, ё and punctuation', () => {
    expect(normaliseText('Ёлки, ПАЛКИ!!! Яма—на дороге')).toBe('елки палки яма на дороге');
    expect([...trigramsOf('яма')]).toEqual([' ям', 'яма', 'ма ']);
  });
  it('Jaccard of sorted id arrays', () => {
    // {1,2,3} ∩ {2,3,4} = 2, ∪ = 4.
    expect(jaccardSorted([1, 2, 3], [2, 3, 4])).toBe(0.5);
    expect(jaccardSorted([], [])).toBe(0);
  });
});

describe('RepeatIndex', () => {
  const index = new RepeatIndex();
  index.add(doc('old-pit', 1, 'Огромная яма на улице Ленина возле школы, уже месяц не могут заделать'));
  index.add(doc('other-topic', 2, 'Огромная яма на улице Ленина возле школы', { topic: 'ЖКХ', location: 'Захарково' }));
  index.add(doc('unrelated', 3, 'Не вывозят мусор во дворе дома 5 по Садовой'));
  index.add(
    doc('same-author', 4, 'Когда включат отопление?', {
      author: { name: 'Мария Иванова', profileUrl: 'https://vk.com/id42/' },
    }),
  );
  index.add(doc('future', 100, 'Огромная яма на улице Ленина возле школы'));

  it('finds a similar earlier text on the same topic, with inflections', () => {
    const q = doc('new', 50, 'Опять огромные ямы на улице Ленина возле школы! Сколько можно?');
    const found = index.candidates(q);
    expect(found.map((c) => c.caseId)).toEqual(['old-pit']);
    expect(found[0]!.similarity).toBeGreaterThan(0.35);
    expect(found[0]).toMatchObject({ sameTopic: true, sameLocation: true, sameAuthor: false });
  });

  it('suggests any earlier case by the same author (profile link wins over the name)', () => {
    const q = doc('new2', 50, 'Яма у моего дома', {
      author: { name: 'М. Иванова', profileUrl: 'https://VK.com/id42' },
    });
    expect(index.candidates(q).map((c) => [c.caseId, c.sameAuthor])).toContainEqual(['same-author', true]);
    expect(authorKeyOf({ name: 'Пётр  Сидоров' })).toBe(authorKeyOf({ name: 'петр сидоров' }));
  });

  it('before triage (no topic or location) text similarity alone suggests', () => {
    const q = doc('new3', 50, 'огромная яма на улице Ленина возле школы', { topic: null, location: null });
    expect(
      index
        .candidates(q)
        .map((c) => c.caseId)
        .sort(),
    ).toEqual(['old-pit', 'other-topic']);
  });

  it('a re-added case keeps its text and takes the topic it got at triage', () => {
    index.add(doc('unrelated', 3, 'другой текст', { topic: 'мусор' }));
    expect(index.size).toBe(5);
    const q = doc('new4', 50, 'Не вывозят мусор во дворе дома 5 по Садовой улице', { topic: 'мусор', location: null });
    expect(index.candidates(q).map((c) => c.caseId)).toEqual(['unrelated']);
  });
});

describe('RepeatIndex: cases added after the postings were laid out', () => {
  // Enough trigrams (over 65,536) that the first question lays the postings out; the cases added after it are found
  // by scanning their own trigrams until the next layout. Both must give what one layout of everything gives.
  const STREETS = ['Ленина', 'Мира', 'Садовая', 'Школьная', 'Победы', 'Лесной'];
  const PROBLEMS = ['огромная яма на дороге', 'не горят фонари', 'не вывозят мусор', 'течёт крыша', 'нет воды'];
  const TOPICS = ['дороги', 'ЖКХ', 'мусор'];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const docs = Array.from({ length: 2_400 }, (_, i) =>
    doc(
      `case-${i}`,
      1_000 + i,
      `${PROBLEMS[next(5)]} на улице ${STREETS[next(6)]}, дом ${next(120)}, квартира ${next(300)}, слово${next(900)}`,
      { author: { name: `Житель ${next(700)}` }, topic: TOPICS[next(3)]!, location: `село ${next(40)}` },
    ),
  );
  const queries = docs.filter((_, i) => i % 97 === 0).map((d) => ({ ...d, caseId: `q-${d.caseId}`, at: 10_000 }));
  const shapes = (index: RepeatIndex) => queries.map((q) => index.candidates(q, { limit: 20 }));

  it('finds them as if laid out with the rest, in the same order', () => {
    const whole = new RepeatIndex();
    for (const d of docs) whole.add(d);
    const expected = shapes(whole);
    // Every laid-out case is found by its own text.
    for (const d of docs.filter((_, i) => i % 7 === 0)) {
      const probe = doc('probe', 10_000, d.text, { author: { name: 'Проверка' }, topic: null, location: null });
      expect(whole.candidates(probe, { limit: 50 }).find((c) => c.caseId === d.caseId)?.similarity).toBe(1);
    }

    const split = new RepeatIndex();
    for (const d of docs.slice(0, 1_600)) split.add(d);
    split.candidates(queries[0]!); // lays out the first 1,600 cases
    for (const d of docs.slice(1_600)) split.add(d);
    const got = shapes(split);
    expect(got).toEqual(expected);
    // Not a comparison of empty lists, and some of what is found was added after the layout.
    const found = got.flat().map((c) => Number(c.caseId.slice('case-'.length)));
    expect(found.length).toBeGreaterThan(200);
    expect(found.filter((i) => i >= 1_600).length).toBeGreaterThan(20);
  });

  it('a case added after the layout with the query text comes first; a later triage is seen', () => {
    const index = new RepeatIndex();
    for (const d of docs.slice(0, 1_600)) index.add(d);
    index.candidates(queries[0]!);
    const text = 'Провалился асфальт у почты на Заречной, машины бьют подвеску';
    index.add(doc('fresh', 5_000, text, { topic: null, location: null }));
    const query = doc('ask', 6_000, text, { topic: 'дороги', location: null });
    // Constrained to the topic 'дороги': the untriaged case is not a text match yet.
    expect(index.candidates(query).map((c) => c.caseId)).not.toContain('fresh');
    index.add(doc('fresh', 5_000, '', { topic: 'дороги', location: null }));
    expect(index.candidates(query)[0]).toMatchObject({ caseId: 'fresh', similarity: 1, sameTopic: true });
    expect(index.size).toBe(1_601);
  });
});
