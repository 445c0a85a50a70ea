// The editor of a shared text: the textarea, its save state, and — on a concurrent edit — the other person's text
// beside ours with a choice; nothing is overwritten without the user seeing it.
import { toReadableError } from '../../../api/errors';
import { Field } from '../../../components/Field';
import { fill, useT } from '../../../i18n';
import type { SharedDraftState } from './use-shared-draft';

export function SharedTextArea(props: {
  readonly label: string;
  readonly draft: SharedDraftState;
  readonly error?: string | undefined;
  readonly testId: string;
  readonly rows?: number;
}) {
  const t = useT();
  const { draft } = props;
  return (
    <div className="shared-text">
      <Field label={props.label} error={props.error}>
        <textarea
          value={draft.text}
          rows={props.rows ?? 8}
          onChange={(e) => draft.setText(e.target.value)}
          data-testid={props.testId}
        />
      </Field>
      {draft.refusal && (
        <p className="error-message" role="alert" data-testid="draft-refused">
          {toReadableError(draft.refusal, t).message}
        </p>
      )}
      <span className="muted shared-status" aria-live="polite">
        {draft.status === 'saved'
          ? t.drafts.saved
          : draft.status === 'saving'
            ? t.drafts.saving
            : draft.status === 'offline'
              ? t.drafts.offline
              : ''}
      </span>
      {draft.conflict && (
        <div className="draft-conflict" role="alert" data-testid="draft-conflict">
          <p>
            <strong>
              {fill(t.drafts.conflict, { name: draft.conflict.updatedBy?.fullName ?? t.caseView.system })}
            </strong>
          </p>
          <div className="draft-conflict-texts">
            <div>
              <h4>{t.drafts.theirs}</h4>
              <p className="contribution-text" data-testid="conflict-theirs">
                {draft.conflict.text}
              </p>
            </div>
            <div>
              <h4>{t.caseView.yourText}</h4>
              <p className="contribution-text" data-testid="conflict-mine">
                {draft.text}
              </p>
            </div>
          </div>
          <div className="inline-row">
            <button type="button" className="button-secondary" onClick={() => draft.resolve('theirs')}>
              {t.drafts.takeTheirs}
            </button>
            <button type="button" className="button-secondary" onClick={() => draft.resolve('mine')}>
              {t.drafts.keepMine}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
