// The publication address: an http(s) link of the message's own network, never free text (issue 12 item 13).
import { describe, expect, it } from 'vitest';
import { localTime } from '../sla/test-helpers';
import { zCaseCommand } from './commands';
import { parseHttpUrl, publicationUrlProblem } from './publication-url';
import { A, CaseRun, draft } from './test-harness';

const d = localTime('+03:00');

describe('publication address', () => {
  it('is an absolute http(s) link with a host', () => {
    expect(parseHttpUrl('https://vk.com/wall-1_2?reply=3')?.hostname).toBe('vk.com');
    expect(parseHttpUrl(' http://M.VK.com/wall-1_2 ')?.hostname).toBe('m.vk.com');
    for (const bad of [
      'not a url',
      'vk.com/wall-1_2',
      'ftp://vk.com/x',
      'https://',
      'https://vk',
      'https://vk.com/a b',
      'javascript:alert(1)',
    ]) {
      expect(parseHttpUrl(bad), bad).toBeNull();
    }
  });

  it('belongs to the message network where its hosts are known', () => {
    expect(publicationUrlProblem('https://m.vk.com/wall-1_2', 'vk')).toBeNull();
    expect(publicationUrlProblem('https://ok.ru/group/1/topic/2', 'vk')).toBe('other-network');
    expect(publicationUrlProblem('https://evil-vk.com/wall', 'vk')).toBe('other-network');
    expect(publicationUrlProblem('https://t.me/adm/15', 'telegram')).toBeNull();
    expect(publicationUrlProblem('https://adm.ru/news/1', 'site')).toBeNull();
    expect(publicationUrlProblem('not a url', 'site')).toBe('not-a-link');
  });

  it('the publish command refuses free text and a link of another network, with the field named', () => {
    const bad = zCaseCommand.safeParse({ type: 'publish', where: { kind: 'same-thread', url: 'not a url' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['where', 'url']);
    expect(bad.error?.issues[0]?.message).toBe('validation.publication-url');
    // Empty stays allowed: a same-thread reply whose address the network does not give.
    expect(zCaseCommand.safeParse({ type: 'publish', where: { kind: 'same-thread' } }).success).toBe(true);

    const c = new CaseRun('konyshevsky-2020').routed([d('10:00'), d('10:10'), d('10:20')], A.operator);
    c.do(draft(), A.execA, d('11:00'));
    c.do({ type: 'approve' }, A.curator, d('11:10'));
    const wrong = c.fail(
      { type: 'publish', where: { kind: 'same-thread', url: 'https://ok.ru/x' } },
      A.execA,
      d('11:20'),
    );
    expect(wrong.code).toBe('invalid-input');
    expect(wrong.details).toEqual({ path: 'where.url' });
    c.do(
      { type: 'publish', where: { kind: 'same-thread', url: 'https://vk.com/wall-1_2?reply=3' } },
      A.execA,
      d('11:20'),
    );
    expect(c.state.publications[0]?.where.url).toBe('https://vk.com/wall-1_2?reply=3');
  });
});
