// Server-time offset on the client: pushes until a probe answers, then the probe with the shortest round trip.
import { describe, expect, it } from 'vitest';
import { createServerClock } from './server-clock';

describe('createServerClock', () => {
  it('uses a pushed server time until a probe answers', () => {
    let t = 1_000;
    const clock = createServerClock({ now: () => t });
    expect(clock.offsetMs).toBe(0);
    // The server is 5 s ahead.
    clock.fromPush(6_000);
    expect(clock.offsetMs).toBe(5_000);
    t = 2_000;
    expect(clock.serverNow()).toBe(7_000);
    expect(clock.uncertaintyMs).toBe(Number.POSITIVE_INFINITY);
  });

  it('takes the midpoint of the round trip with the shortest delay', () => {
    const clock = createServerClock({ now: () => 0 });
    // Sent at 100, server read 5_150 (its clock 5 s ahead, 50 ms after sending), back at 300: rtt 200, offset 4_950.
    clock.fromProbe({ clientSentAt: 100, serverTime: 5_150 }, 300);
    expect(clock.offsetMs).toBe(4_950);
    // A faster probe: sent 1_000, read 6_010, back 1_020: rtt 20, offset 6_010 − 1_010 = 5_000.
    clock.fromProbe({ clientSentAt: 1_000, serverTime: 6_010 }, 1_020);
    expect(clock.offsetMs).toBe(5_000);
    expect(clock.uncertaintyMs).toBe(10);
    // A later push does not override a measured probe.
    clock.fromPush(99_999);
    expect(clock.offsetMs).toBe(5_000);
  });

  it('forgets old probes beyond `keep`', () => {
    const clock = createServerClock({ now: () => 0, keep: 2 });
    clock.fromProbe({ clientSentAt: 0, serverTime: 1_005 }, 10); // rtt 10, offset 1_000
    clock.fromProbe({ clientSentAt: 100, serverTime: 2_150 }, 200); // rtt 100, offset 2_000
    clock.fromProbe({ clientSentAt: 300, serverTime: 3_350 }, 400); // rtt 100, offset 3_000; the first is dropped
    expect(clock.offsetMs).toBe(2_000);
  });

  it('follows a jump of more than 5 s even on a slower round trip (the client clock was set)', () => {
    const clock = createServerClock({ now: () => 0 });
    clock.fromProbe({ clientSentAt: 1_000, serverTime: 4_100 }, 1_200); // rtt 200, midpoint 1_100: offset 3_000
    clock.fromProbe({ clientSentAt: 2_000, serverTime: 5_600 }, 2_800); // rtt 800, offset 3_200: slower, ignored
    expect(clock.offsetMs).toBe(3_000);
    clock.fromProbe({ clientSentAt: 2_000, serverTime: 20_500 }, 3_000); // rtt 1_000, midpoint 2_500: offset 18_000
    expect(clock.offsetMs).toBe(18_000);
  });
});
