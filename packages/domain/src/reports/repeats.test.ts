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
