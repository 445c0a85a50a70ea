// The demo plan per preset: each organisation is given only the scenarios its regulation allows.
import { getPreset } from '@otklik/domain';
import { describe, expect, it } from 'vitest';
import { planFor } from './cases';

const scenarios = (profileId: string) => planFor('small', getPreset(profileId)!).map(([s]) => s);

describe('demo plan per preset', () => {
  it('keeps chains and intermediate answers where the preset has them', () => {
    // krasnoufimsk-2021 p.17 (parallel chain) and p.12 (final term); NAO p.22 (sequential) and p.21.
    for (const id of ['krasnoufimsk-2021', 'nao-2020']) {
      expect(scenarios(id)).toContain('chain');
      expect(scenarios(id)).toContain('intermediate');
    }
  });

  it('replaces the chain by a revision and the intermediate answer by an explanation for idrinsky-2021', () => {
    const plan = scenarios('idrinsky-2021');
    expect(plan).not.toContain('chain');
    expect(plan).not.toContain('intermediate');
    expect(plan).toContain('revision');
    expect(plan).toContain('explained');
    expect(plan).toHaveLength(scenarios('nao-2020').length);
  });

  it('replaces only the chain for slavgorod-2020, whose p.7 allows an intermediate answer', () => {
    const plan = scenarios('slavgorod-2020');
    expect(plan).not.toContain('chain');
    expect(plan).toContain('intermediate');
    expect(plan).toContain('revision');
  });

  it('gives the main organisation its own plan whatever the preset', () => {
    expect(planFor('main', getPreset('konyshevsky-2020')!).reduce((n, [, k]) => n + k, 0)).toBe(60);
  });
});
