// Submitting an admin form: busy flag, readable error with per-field messages from the server, success note, and
// where the keyboard focus goes afterwards (the submit button is disabled while busy, which would drop focus to the
// page): the first invalid field after a refusal, the first field of a cleared create form or a row's button after
// a save.
import { useEffect, useRef, useState } from 'react';
import { type ReadableError, toReadableError } from '../../api/errors';
import { useT } from '../../i18n';

/** Where focus goes after a successful submit: the form's first field, or an element found after the re-render. */
export type FocusAfterSave = 'first-field' | 'submit' | (() => HTMLElement | null | undefined);

const FIELDS = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** The first field a person can type into in `form`. */
export const firstFieldOf = (form: HTMLFormElement | null | undefined) => form?.querySelector<HTMLElement>(FIELDS);

export function useAdminForm() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReadableError | null>(null);
  const [saved, setSaved] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  /** Set by a finished submit, consumed by the effect after the render that shows its outcome. */
  const pending = useRef<{ ok: true; focus: FocusAfterSave } | { ok: false } | null>(null);
  const [round, setRound] = useState(0);

  // Runs once per finished submit (`round`), after the render that shows its outcome.
  useEffect(() => {
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    // The list behind the form reloads after a save: wait a frame so a row's button exists before it is looked up.
    // The form itself may be gone by then (an edit form closes after saving): only a row's button is looked for.
    const frame = requestAnimationFrame(() => {
      const form = ref.current;
      let target: HTMLElement | null | undefined;
      if (!form) {
        if (next.ok && typeof next.focus === 'function') next.focus()?.focus();
        return;
      }
      if (!next.ok) {
        target =
          form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
          form.querySelector<HTMLElement>('[role="alert"]') ??
          form.querySelector<HTMLElement>('[type="submit"]');
        if (target?.getAttribute('role') === 'alert') target.tabIndex = -1;
      } else if (next.focus === 'first-field') target = firstFieldOf(form);
      else if (next.focus === 'submit') target = form.querySelector<HTMLElement>('[type="submit"]');
      else target = next.focus() ?? firstFieldOf(form);
      target?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [round]);

  const submit = async (action: () => Promise<unknown>, options: { focus?: FocusAfterSave } = {}): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await action();
      setSaved(true);
      pending.current = { ok: true, focus: options.focus ?? 'submit' };
      return true;
    } catch (err) {
      setError(toReadableError(err, t));
      pending.current = { ok: false };
      return false;
    } finally {
      setBusy(false);
      setRound((r) => r + 1);
    }
  };
  /** A refusal found before sending (the form's own check): focus its first invalid field after the render. */
  const refuse = () => {
    setSaved(false);
    pending.current = { ok: false };
    setRound((r) => r + 1);
  };
  return { busy, error, saved, submit, refuse, ref, field: (name: string) => error?.fields[name] };
}

export type AdminForm = ReturnType<typeof useAdminForm>;
