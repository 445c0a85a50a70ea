// "Publish through the network account": asks the server to post the approved draft in the original thread
// (Idrinsky 3.4: public reply to a public comment, private to a private message). Only a request: the case
// is published, and the publish clock stops, when the network accepts the reply.
import { type FormEvent, useState } from 'react';
import { toReadableError } from '../../../api/errors';
import { api } from '../../../api/trpc';
import { useT } from '../../../i18n';
import type { ActionFormProps } from './form-context';

export function ChannelPublishForm({
  detail,
  onDone,
}: Pick<ActionFormProps, 'detail'> & { readonly onDone: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.channels.requestPublication.mutate({ caseId: detail.id, expectedVersion: detail.version });
      onDone();
    } catch (err) {
      const readable = toReadableError(err, t);
      setError(readable.code === 'CONFLICT' ? t.caseView.conflict : readable.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="command-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t.commands['request-publication']}
    >
      <h3>{t.commands['request-publication']}</h3>
      <p className="muted">{t.channels.publishHint}</p>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? t.forms.sending : t.channels.publishButton}
      </button>
    </form>
  );
}
