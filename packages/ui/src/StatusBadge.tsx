// A clock status as a coloured pill with a shape and a word, so urgency never depends on colour alone.
import type { ClockStatus } from './countdown-state';
import { useUiTexts } from './texts';

const ICON: Record<ClockStatus, string> = { 'on-track': '●', 'at-risk': '▲', breached: '■' };

export function StatusBadge(props: { readonly status: ClockStatus; readonly label?: string }) {
  const t = useUiTexts();
  return (
    <span className={`ok-badge ok-status-${props.status}`}>
      <span aria-hidden="true">{ICON[props.status]}</span> {props.label ?? t.status[props.status]}
    </span>
  );
}
