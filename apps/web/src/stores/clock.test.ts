// The server-time offset from round trips: the midpoint rule, the shortest round trip wins, a clock jump is followed.
import { beforeEach, describe, expect, it } from 'vitest';
import { useClock } from './clock';

beforeEach(() => {
  useClock.getState().reset();
});

describe('server clock offset', () => {
  it('takes the server time as read at the midpoint of the round trip', () => {
    // Sent at 1000, received at 1200 (rtt 200, midpoint 1100); the server said 4100 → offset 3000.
    useClock.getState().addSample(4100, 1000, 1200);
    expect(useClock.getState().offsetMs).toBe(3000);
  });

  it('keeps the sample with the shorter round trip', () => {
    useClock.getState().addSample(4100, 1000, 1200); // offset 3000, rtt 200
    useClock.getState().addSample(5600, 2000, 2800); // midpoint 2400 → offset 3200, but rtt 800: ignored
    expect(useClock.getState().offsetMs).toBe(3000);
    useClock.getState().addSample(6070, 3000, 3040); // midpoint 3020 → offset 3050, rtt 40: taken
    expect(useClock.getState().offsetMs).toBe(3050);
  });

  it('follows a jump of more than 5 s even on a slower round trip (the PC clock was corrected)', () => {
    useClock.getState().addSample(4100, 1000, 1200); // offset 3000
    useClock.getState().addSample(20_500, 2000, 3000); // midpoint 2500 → offset 18000, rtt 1000
    expect(useClock.getState().offsetMs).toBe(18_000);
  });

  it('wakes no subscriber for a sample that moves the offset by no more than the round trip allows', () => {
    useClock.getState().addSample(4100, 1000, 1200); // offset 3000, rtt 200: ± 100
    let woken = 0;
    const stop = useClock.subscribe(() => {
      woken += 1;
    });
    useClock.getState().addSample(5600, 2000, 2800); // a slower round trip: ignored, offset still 3000
    useClock.getState().addSample(6130, 3000, 3160); // midpoint 3080 → 3050, rtt 160 (± 80): within it, kept at 3000
    expect(useClock.getState().offsetMs).toBe(3000);
    expect(woken).toBe(0);
    useClock.getState().addSample(7070, 4000, 4040); // midpoint 4020 → 3050, rtt 40 (± 20): 50 away, taken
    expect(useClock.getState().offsetMs).toBe(3050);
    expect(woken).toBe(1);
    stop();
  });
});
