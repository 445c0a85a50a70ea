// A surge of messages on one topic reaches the head live, once (konyshevsky p.24: immediately), not on the
// next look at the feed; the curator hears of it too, an executor does not.
import { describe, expect, it } from 'vitest';
import { eventually, orgPeople, registerCase, triage, useFeeds, useScene } from './support/harness';

describe('surge alert', () => {
  const scene = useScene(
    { NODE_SCHEDULER: '0', NODE_REPORTS: '1' },
    orgPeople('operator', 'head', 'curator', 'roadsExecutor'),
  );
  const feeds = useFeeds(scene);

  it('six messages on one topic within two hours: one live alert to the head and the curator', async () => {
    const { operator } = scene.people;
    // Default threshold: more than 5 messages in 2 hours on one topic.
    for (let i = 1; i <= 6; i++) {
      const theCase = await registerCase(operator, `Не вывозят мусор во дворе, сообщение ${i}`);
      await theCase.run(operator, triage('Вывоз мусора', `двор ${i}`));
    }
    const alert = await eventually(() => feeds.head.find((n) => n.kind === 'alert-to-head'));
    expect(alert.title).toContain('Вывоз мусора');
    await eventually(() => feeds.curator.find((n) => n.kind === 'alert-to-head'));
    // One alert per surge, however many messages: wait a little for a duplicate that must not come.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(feeds.head.filter((n) => n.kind === 'alert-to-head')).toHaveLength(1);
    expect(feeds.roadsExecutor.filter((n) => n.kind === 'alert-to-head')).toHaveLength(0);
  });
});
