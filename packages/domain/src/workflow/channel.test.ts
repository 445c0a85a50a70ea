// Publication through a channel account and edits/deletions of the original (nao-2020, MSK): the click only
// requests; the publish clock runs on through failures and stops when the network accepted the reply.
import { describe, expect, it } from 'vitest';
import { localTime } from '../sla/test-helpers';
import { caseActions } from './allowed';
import { channelPublicationRefusal, publicationChannel } from './channel';
import { A, CaseRun, draft } from './test-harness';

const P = 'nao-2020';
const d = localTime('+03:00');

function approved() {
  const c = new CaseRun(P).routed([d('10:00'), d('10:05'), d('10:10')], A.curator);
  c.do(draft(), A.execA, d('11:00'));
  c.do({ type: 'approve' }, A.curator, d('11:10'));
  return c;
}

describe('publication through a channel account', () => {
  it('a request keeps the publish clock running; the system records the accepted post and the case closes', () => {
    const c = approved();
    // NAO p.20: publish 30 min W from approval at 11:10 → 11:40.
    expect(c.dues(d('11:10')).publish).toBe(d('11:40'));
    expect(c.allowed(A.curator)).toContain('request-publication');
    expect(c.allowed(A.execA)).not.toContain('request-publication');
    expect(c.fail({ type: 'request-publication', requestId: 'r1' }, A.execA, d('11:11')).code).toBe('forbidden');
    c.do({ type: 'request-publication', requestId: 'r1' }, A.curator, d('11:12'));
    expect(c.state.pendingPublication).toMatchObject({ requestId: 'r1', kind: 'answer', failure: null });
    // Still approved: the clock runs until the network accepts.
    expect(c.dues(d('11:12')).publish).toBe(d('11:40'));
    expect(c.fail({ type: 'request-publication', requestId: 'r2' }, A.curator, d('11:13')).code).toBe('wrong-state');

    c.do(
      {
        type: 'record-publication-failure',
        requestId: 'r1',
        error: { code: 'rate-limited', message: 'VK: too many requests' },
        retrying: true,
      },
      A.system,
      d('11:14'),
    );
    expect(c.state.pendingPublication?.failure).toMatchObject({ code: 'rate-limited', retrying: true });
    expect(c.state.status).toBe('approved');
    // A failure of another request is nothing to record.
    expect(
      c.fail(
        { type: 'record-publication-failure', requestId: 'zz', error: { code: 'x', message: '' }, retrying: false },
        A.system,
        d('11:15'),
      ).code,
    ).toBe('nothing-to-record');
    // After a failure the publisher may request again (a retry).
    expect(c.allowed(A.curator)).toContain('request-publication');

    c.do(
      { type: 'publish', where: { kind: 'same-thread', url: 'https://vk.com/wall-1_2?reply=9', postId: '9' } },
      A.system,
      d('11:50'),
    );
    expect(c.state.status).toBe('closed');
    expect(c.state.pendingPublication).toBeNull();
    // Published at 11:50, after the 11:40 limit: the publish clock records its breach first.
    const publishClock = c.state.clocks.find((r) => r.step === 'publish');
    expect(publishClock?.breachedAt).toBe(Date.parse(d('11:50')));
    expect(c.state.publications[0]).toMatchObject({ by: 'system', where: { postId: '9' } });
  });

  it('the system cannot publish what nobody requested, nor on the own account', () => {
    const c = approved();
    expect(c.fail({ type: 'publish', where: { kind: 'same-thread' } }, A.system, d('11:20')).code).toBe('forbidden');
    c.do({ type: 'request-publication', requestId: 'r1' }, A.curator, d('11:21'));
    expect(
      c.fail(
        { type: 'publish', where: { kind: 'own-account', url: 'https://vk.com/x', authorLink: 'https://vk.com/id1' } },
        A.system,
        d('11:22'),
      ).code,
    ).toBe('invalid-input');
  });

  it('manual publication stays possible while a request is pending and clears it', () => {
    const c = approved();
    c.do({ type: 'request-publication', requestId: 'r1' }, A.curator, d('11:21'));
    c.do(
      { type: 'publish', where: { kind: 'same-thread', url: 'https://vk.com/wall-1_2?reply=5' } },
      A.curator,
      d('11:25'),
    );
    expect(c.state.status).toBe('closed');
    expect(c.state.pendingPublication).toBeNull();
  });
});

describe("the case's network account", () => {
  it('is connected only when an account collected the message and is switched on with its token', () => {
    expect(publicationChannel(null)).toBe('none');
    expect(publicationChannel({ account: null })).toBe('disabled');
    expect(publicationChannel({ account: { enabled: false, hasToken: true } })).toBe('disabled');
    expect(publicationChannel({ account: { enabled: true, hasToken: false } })).toBe('disabled');
    expect(publicationChannel({ account: { enabled: true, hasToken: true } })).toBe('connected');
  });

  it('a publication through it is offered only when it is connected; otherwise it is published by hand', () => {
    const c = approved();
    const at = Date.parse(d('11:11'));
    expect(caseActions(c.state, A.curator, c.ctx, at, 'connected')).toContain('request-publication');
    for (const channel of ['none', 'disabled'] as const) {
      const actions = caseActions(c.state, A.curator, c.ctx, at, channel);
      expect(actions).not.toContain('request-publication');
      // Publishing by hand stays: the publisher pastes the link.
      expect(actions).toContain('publish');
    }
    expect(channelPublicationRefusal('connected')).toBeNull();
    expect(channelPublicationRefusal('none')).toBe('no-channel');
    expect(channelPublicationRefusal('disabled')).toBe('channel-disabled');
    // Whose the publication is does not change with the account: the executor is offered none either way.
    expect(caseActions(c.state, A.execA, c.ctx, at, 'connected')).not.toContain('request-publication');
  });
});

describe('edits and deletions of the original message', () => {
  it('records the new text, keeps the old one in the event, and marks a deletion once', () => {
    const c = new CaseRun(P).registered(d('10:00'));
    const [edit] = c.do({ type: 'record-message-edit', text: 'Яма у школы №2' }, A.system, d('10:30'));
    expect(edit).toMatchObject({ type: 'message-edited', previousText: 'Яма на дороге у школы' });
    expect(c.state.message?.text).toBe('Яма у школы №2');
    expect(c.state.messageEditedAt).toBe(Date.parse(d('10:30')));
    expect(c.fail({ type: 'record-message-edit', text: 'Яма у школы №2' }, A.system, d('10:31')).code).toBe(
      'nothing-to-record',
    );
    expect(c.fail({ type: 'record-message-edit', text: 'x' }, A.curator, d('10:31')).code).toBe('forbidden');
    c.do({ type: 'record-message-deletion' }, A.system, d('10:40'));
    expect(c.state.messageDeletedAt).toBe(Date.parse(d('10:40')));
    expect(c.fail({ type: 'record-message-deletion' }, A.system, d('10:41')).code).toBe('nothing-to-record');
    // A deletion does not stop the clocks: the curator decides what to do with the case.
    expect(c.state.status).toBe('detected');
  });
});
