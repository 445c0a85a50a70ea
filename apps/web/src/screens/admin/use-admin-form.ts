// Submitting an admin form: busy flag, readable error with per-field messages from the server, success note.
import { useState } from 'react';
import { type ReadableError, toReadableError } from '../../api/errors';
import { useT } from '../../i18n';

export function useAdminForm() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReadableError | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await action();
      setSaved(true);
      return true;
    } catch (err) {
      setError(toReadableError(err, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, saved, submit, field: (name: string) => error?.fields[name] };
}
