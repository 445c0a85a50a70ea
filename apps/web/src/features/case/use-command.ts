// Sending one command on a case: checks it with the domain's own zod schema first (per-field messages without a
// round trip), then sends it with the case version the user saw; a conflict or refusal becomes a readable message.
import { validationIssue, validationText } from '@otklik/contract';
import { type CaseCommandInput, zCaseCommand } from '@otklik/domain';
import { useState } from 'react';
import { executeCommand } from '../../api/cases';
import { toReadableError } from '../../api/errors';
import { useT } from '../../i18n';

export interface CommandRunner {
  readonly busy: boolean;
  readonly error: string | null;
  readonly fields: Readonly<Record<string, string>>;
  readonly conflict: boolean;
  run(command: CaseCommandInput): Promise<boolean>;
  clear(): void;
}

/** `version` is the case version the user based the form on; a newer one on the server is a visible conflict. */
export function useCommand(caseId: string, version: number, onDone: (version: number) => void): CommandRunner {
  const t = useT();
  const lang = t.lang.code as 'ru' | 'en';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);

  const run = async (command: CaseCommandInput): Promise<boolean> => {
    const parsed = zCaseCommand.safeParse(command);
    if (!parsed.success) {
      const f: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join('.');
        f[key] ??= validationText(validationIssue(issue), lang);
      }
      setFields(f);
      setError(t.errors.validation);
      return false;
    }
    setBusy(true);
    setError(null);
    setFields({});
    setConflict(false);
    try {
      onDone(await executeCommand(caseId, version, parsed.data));
      return true;
    } catch (err) {
      const e = toReadableError(err, t);
      setConflict(e.code === 'CONFLICT');
      setError(e.code === 'CONFLICT' ? t.caseView.conflict : e.message);
      // Server field paths are relative to the input object; strip the `command.` prefix forms do not know about.
      const f: Record<string, string> = {};
      for (const [k, v] of Object.entries(e.fields)) f[k.replace(/^command\./, '')] = v;
      setFields(f);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    error,
    fields,
    conflict,
    run,
    clear: () => {
      setError(null);
      setFields({});
      setConflict(false);
    },
  };
}
