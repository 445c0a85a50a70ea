// The wall's clock: server time in the organisation's zone, seconds included, so viewers trust the countdowns. It
// alone follows every tick; the rest of the wall redraws when what it shows changes.
import { useServerNow } from '@otklik/ui';

export function WallClock(props: { readonly offsetMs: number; readonly timeZone: string }) {
  const now = useServerNow(props.offsetMs);
  const time = new Intl.DateTimeFormat('ru-RU', {
    timeZone: props.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return (
    <time className="wall-clock" dateTime={new Date(now).toISOString()}>
      {time}
    </time>
  );
}
