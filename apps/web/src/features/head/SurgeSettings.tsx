// Surges of the last 30 days and the organisation's thresholds (konyshevsky p.24: "thresholds set by the
// administrator"); only the administrator may change them, everyone else sees them.
import { maySetSurgeThresholds } from '@otklik/domain';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { toReadableError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { loadSurges, loadSurgeThresholds, type SurgeThresholdsValue, saveSurgeThresholds } from '../reports/report-api';

export function SurgeHistory(props: { readonly timeZone: string }) {
  const t = useT();
  const state = useAsync(loadSurges, []);
  if (state.error != null) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  const rows = state.data ?? [];
  return (
    <section aria-labelledby="head-surge-history">
      <h2 id="head-surge-history">{t.head.history}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t.head.historyEmpty}</p>
      ) : (
        <table className="report-table">
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.dimension === 'topic' ? t.head.dimensionTopic : t.head.dimensionLocation} «{s.value}»
                </th>
                <td>{formatDateTime(s.startedAt, props.timeZone, t.lang.locale)}</td>
                <td>
                  {s.resolvedAt === null
                    ? t.head.active
                    : fill(t.head.resolvedAt, { at: formatDateTime(s.resolvedAt, props.timeZone, t.lang.locale) })}
                </td>
                <td className="num">
                  <Link to={`/cases/${s.caseIds[0] ?? ''}`}>{s.caseIds.length}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const FIELDS = ['windowMinutes', 'minCount', 'baselineFactor', 'baselineWeeks'] as const;

export function SurgeThresholdsForm() {
  const t = useT();
  const user = useSession((s) => s.user);
  const canEdit = maySetSurgeThresholds(user?.roles ?? []);
  const state = useAsync(loadSurgeThresholds, []);
  const [value, setValue] = useState<SurgeThresholdsValue | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (state.data) setValue(state.data);
  }, [state.data]);
  if (state.error != null) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  if (!value) return null;
  const submit = async () => {
    setBusy(true);
    setMessage(null);
    try {
      setValue(await saveSurgeThresholds(value));
      setMessage({ error: false, text: t.head.saved });
    } catch (err) {
      setMessage({ error: true, text: toReadableError(err, t).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="head-thresholds">
      <h2 id="head-thresholds">{t.head.thresholds}</h2>
      <p className="muted">{t.head.thresholdsHint}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {FIELDS.map((key) => (
          <Field key={key} label={t.head[key]}>
            <input
              type="number"
              min={key === 'baselineFactor' ? 1 : key === 'minCount' ? 2 : 1}
              step={key === 'baselineFactor' ? 0.5 : 1}
              value={value[key]}
              disabled={!canEdit}
              onChange={(e) => setValue({ ...value, [key]: Number(e.target.value) })}
            />
          </Field>
        ))}
        {canEdit && (
          <button type="submit" className="button-primary" disabled={busy}>
            {t.head.save}
          </button>
        )}
        {message && (
          <p className={message.error ? 'error-message' : 'success-message'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
