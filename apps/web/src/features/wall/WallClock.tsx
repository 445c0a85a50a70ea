// The wall's clock: server time in the organisation's zone, seconds included, so viewers trust the countdowns.
export function WallClock(props: { readonly now: number; readonly timeZone: string }) {
  const time = new Intl.DateTimeFormat('ru-RU', {
    timeZone: props.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(props.now);
  return (
    <time className="wall-clock" dateTime={new Date(props.now).toISOString()}>
      {time}
    </time>
  );
}
