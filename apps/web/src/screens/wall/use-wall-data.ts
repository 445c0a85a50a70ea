// The wall's data loop: snapshot by token into the one cases store, each live change's row applied to it by the
// socket handlers (no request), a reload of the snapshot when a change was missed (reconnect, gap) and every minute
// for safety, and retries that never stop — after a server restart the wall heals itself, no login.
import { type CalendarOverrides, createCalendar, type WorkingCalendar } from '@otklik/domain';
import { useEffect, useRef, useState } from 'react';
import { loadWallSnapshot, WallError, type WallSnapshot } from '../../api/wall';
import { setWallCatchUp } from '../../realtime/handlers';
import { DISPLAY_KEY_REVOKED, startRealtime, stopRealtime } from '../../realtime/socket';
import { useCases } from '../../stores/cases';
import { useClock } from '../../stores/clock';

export interface WallData {
  readonly snapshot: WallSnapshot | null;
  readonly calendar: WorkingCalendar | null;
  /** 'revoked': the administrator revoked the key (the data is no longer shown); 'bad-token' is shown as such and
   *  retried slowly; 'offline' as the lost-connection banner. */
  readonly problem: 'offline' | 'bad-token' | 'revoked' | null;
  readonly loadedAt: number | null;
}

const REFRESH_MS = 60_000;

export function useWallData(token: string): WallData {
  const [data, setData] = useState<WallData>({ snapshot: null, calendar: null, problem: null, loadedAt: null });
  const calendarKey = useRef('');
  const calendarRef = useRef<WorkingCalendar | null>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let pending: ReturnType<typeof setTimeout> | null = null;
    let running = false;
    let again = false;

    const load = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const { snapshot, sentAt, receivedAt } = await loadWallSnapshot(token);
        if (!live) return;
        useClock.getState().addSample(snapshot.serverTime, sentAt, receivedAt);
        const key = JSON.stringify([snapshot.timeZone, snapshot.calendarOverrides, snapshot.calendarYears]);
        if (key !== calendarKey.current) {
          calendarKey.current = key;
          calendarRef.current = createCalendar({
            timeZone: snapshot.timeZone,
            overrides: snapshot.calendarOverrides as CalendarOverrides,
            years: snapshot.calendarYears,
          });
        }
        useCases.getState().replaceAll(snapshot.cases, snapshot.seq);
        setData({ snapshot, calendar: calendarRef.current, problem: null, loadedAt: receivedAt });
      } catch (err) {
        if (!live) return;
        const badToken = err instanceof WallError && ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'].includes(err.code);
        const revoked = err instanceof WallError && err.reason === DISPLAY_KEY_REVOKED;
        // Stale rows of a revoked key are dropped, never shown as if merely offline.
        if (revoked) useCases.getState().clear();
        setData((d) =>
          revoked
            ? { snapshot: null, calendar: null, problem: 'revoked', loadedAt: d.loadedAt }
            : { ...d, problem: badToken ? 'bad-token' : 'offline' },
        );
        retry = setTimeout(() => void load(), badToken ? 30_000 : 3000);
      } finally {
        running = false;
        if (again && live) {
          again = false;
          void load();
        }
      }
    };

    // A missed change (reconnect, gap) reloads the snapshot; several at once become one reload.
    const scheduleLoad = (): Promise<void> => {
      if (!pending) {
        pending = setTimeout(() => {
          pending = null;
          void load();
        }, 300);
      }
      return Promise.resolve();
    };

    setWallCatchUp(scheduleLoad);
    startRealtime({ kind: 'wall', token });
    void load();
    const refresh = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(refresh);
      if (retry) clearTimeout(retry);
      if (pending) clearTimeout(pending);
      setWallCatchUp(null);
      stopRealtime();
      useCases.getState().clear();
    };
  }, [token]);

  return data;
}
