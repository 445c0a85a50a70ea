// The answer-style reminder beside every editor (REGULATIONS "What every answer must satisfy"; NAO p.8, p.24).
import { useT } from '../../../i18n';

export function AnswerReminder(props: { readonly repeat: boolean; readonly visibility: 'public' | 'private' | null }) {
  const t = useT();
  return (
    <aside className="answer-reminder" aria-labelledby="reminder-title">
      <h4 id="reminder-title">{t.forms.reminderTitle}</h4>
      <ul>
        {t.forms.reminder.map((line, i) => (
          <li key={line} className={(i === 3 && props.repeat) || (i === 4 && props.visibility) ? 'emphasis' : ''}>
            {line}
            {i === 4 && props.visibility ? ` (${t.caseView.visibility[props.visibility]})` : ''}
          </li>
        ))}
      </ul>
    </aside>
  );
}
