// The menu of each role, and where each lands: the table read by the web's menu and the server's area checks.
import { describe, expect, it } from 'vitest';
import { AREA_ROLES, areasOf, homeArea, mayOpen, maySetSurgeThresholds, taskListsOf } from './areas';

describe('areasOf', () => {
  it.each([
    ['operator', ['operator'], ['board', 'register']],
    ['curator', ['curator'], ['board', 'register', 'inbox', 'head', 'reports']],
    ['executor', ['executor'], ['inbox']],
    ['department head', ['department-head'], ['board', 'inbox', 'reports']],
    ['head', ['head'], ['board', 'head', 'reports']],
    ['administrator', ['administrator'], ['board', 'head', 'reports', 'admin']],
    ['observer', ['observer'], ['board', 'head', 'reports']],
    ['nobody', [], []],
    // Several roles: the union, still in menu order.
    ['executor and administrator', ['executor', 'administrator'], ['board', 'inbox', 'head', 'reports', 'admin']],
  ])('%s', (_, roles, areas) => {
    expect(areasOf(roles)).toEqual(areas);
  });

  it('one role of the area is enough; the scheduler works in none', () => {
    expect(mayOpen('register', ['executor', 'operator'])).toBe(true);
    expect(mayOpen('admin', ['curator', 'head'])).toBe(false);
    expect(areasOf(['system'])).toEqual([]);
    expect(Object.values(AREA_ROLES).some((roles) => roles.includes('system'))).toBe(false);
  });
});

describe('homeArea', () => {
  it.each([
    [['executor'], 'inbox'],
    [['department-head'], 'inbox'],
    [['executor', 'department-head'], 'inbox'],
    [['administrator'], 'admin'],
    [['operator'], 'register'],
    [['curator'], 'board'],
    [['head'], 'board'],
    [['observer'], 'board'],
    // More than an executor, or more than one role: the board.
    [['executor', 'curator'], 'board'],
    [['operator', 'curator'], 'board'],
    [['administrator', 'observer'], 'board'],
  ])('%j lands on %s', (roles, area) => {
    expect(homeArea(roles)).toBe(area);
  });
});

// The tasks page ("Мои задачи"): the curators' queue for a curator, the department's cases for an executor or a
// department head, both for a person with roles of both.
describe('taskListsOf', () => {
  it.each([
    [['curator'], ['curator-queue']],
    [['executor'], ['department']],
    [['department-head'], ['department']],
    [
      ['curator', 'executor'],
      ['curator-queue', 'department'],
    ],
    [
      ['department-head', 'curator'],
      ['curator-queue', 'department'],
    ],
    [['operator'], []],
    [['head', 'administrator', 'observer'], []],
    [[], []],
  ])('%j has %j', (roles, lists) => {
    expect(taskListsOf(roles)).toEqual(lists);
  });

  it('whoever has a task list works in the tasks area, and nobody else', () => {
    for (const roles of [['curator'], ['executor'], ['department-head'], ['operator'], ['head'], ['administrator']]) {
      expect(mayOpen('inbox', roles)).toBe(taskListsOf(roles).length > 0);
    }
  });
});

// konyshevsky p.24: the thresholds are set by the administrator; the report readers only see them.
describe('maySetSurgeThresholds', () => {
  it.each([
    [['administrator'], true],
    [['executor', 'administrator'], true],
    [['curator'], false],
    [['head'], false],
    [['observer'], false],
    [['department-head'], false],
    [['system'], false],
    [[], false],
  ])('%j: %s', (roles, may) => {
    expect(maySetSurgeThresholds(roles)).toBe(may);
  });
});
