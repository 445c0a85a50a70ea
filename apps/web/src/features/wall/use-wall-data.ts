// The wall's data loop: snapshot by token into the one cases store, then the shared change-sync (realtime/case-sync.ts)
// applies each live change's row (no request) and, on a gap or a reconnect, the changes missed, read over the socket;
// every minute the wall reads its settings again (calendar, organisation, server time: no rows), and retries never
// stop — after a server restart the wall heals itself, no login. Rows are read again only after a revoked key.
import { type CalendarOverrides, createCalendar, type WorkingCalendar } from '@otklik/domain';
import { useEffect, useRef, useState } from 'react';
import { loadWallSettings, loadWallSnapshot, WallError, type WallSettings } from '../../api/wall';
import { clearCases, loadSnapshot } from '../../realtime/case-sync';
import { DISPLAY_KEY_REVOKED, startRealtime, stopRealtime } from '../../realtime/socket';
import { useClock } from '../../stores/clock';

export interface WallData {
  /** Null until the first snapshot arrived (and after a revoked key). */
  readonly settings: WallSettings | null;
  readonly calendar: WorkingCalendar | null;
  /** 'revoked': the administrator revoked the key (the data is no longer shown); 'bad-token' is shown as such and
   *  retried slowly; 'offline' as the lost-connection banner. */
  readonly problem: 'offline' | 'bad-token' | 'revoked' | null;
  readonly loadedAt: number | null;
}

const REFRESH_MS = 60_000;

export function useWallData(token: string): WallData {
  const [data, setData] = useState<WallData>({ settings: null, calendar: null, problem: null, loadedAt: null });
  const calendarKey = useRef('');
  const calendarRef = useRef<WorkingCalendar | null>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let running = false;
    let again = false;
    /** The rows are in the store and followed by the sync: the refresh reads settings only. */
    let rowsLive = false;

    const load = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        let settings: WallSettings;
        let sentAt: number;
        let receivedAt: number;
        if (rowsLive) {
          ({ settings, sentAt, receivedAt } = await loadWallSettings(token));
          if (!live) return;
        } else {
          const read = await loadWallSnapshot(token);
          if (!live) return;
          ({ snapshot: settings, sentAt, receivedAt } = read);
          void loadSnapshot(read.snapshot.cases, read.snapshot.seq);
          rowsLive = true;
        }
        useClock.getState().addSample(settings.serverTime, sentAt, receivedAt);
        const key = JSON.stringify([settings.timeZone, settings.calendarOverrides, settings.calendarYears]);
        if (key !== calendarKey.current) {
          calendarKey.current = key;
          calendarRef.current = createCalendar({
            timeZone: settings.timeZone,
            overrides: settings.calendarOverrides as CalendarOverrides,
            years: settings.calendarYears,
          });
        }
        setData({ settings, calendar: calendarRef.current, problem: null, loadedAt: receivedAt });
      } catch (err) {
        if (!live) return;
        const badToken = err instanceof WallError && ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'].includes(err.code);
        const revoked = err instanceof WallError && err.reason === DISPLAY_KEY_REVOKED;
        // Stale rows of a revoked key are dropped, never shown as if merely offline.
        if (revoked) {
          clearCases();
          rowsLive = false;
        }
        setData((d) =>
          revoked
            ? { settings: null, calendar: null, problem: 'revoked', loadedAt: d.loadedAt }
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

    startRealtime({ kind: 'wall', token });
    void load();
    const refresh = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(refresh);
      if (retry) clearTimeout(retry);
      stopRealtime();
      clearCases();
    };
  }, [token]);

  return data;
}
