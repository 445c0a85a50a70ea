// Exactly the actions this user may take now (the domain's caseActions, from the server or the live change), each as a form; one open
// at a time.
import type { CommandType } from '@otklik/domain';
import { type ComponentType, type ReactNode, useEffect, useState } from 'react';
import type { CaseDetail } from '../../api/types';
import { useT } from '../../i18n';
import { LinkRepeatForm, ShortenDeadlineForm } from './actions/CaseLinkForms';
import { ChannelPublishForm } from './actions/ChannelPublishForm';
import { ContributionForm } from './actions/ContributionForm';
import { ForwardForm, RecategoriseForm } from './actions/CuratorForms';
import { DraftForm } from './actions/DraftForm';
import { AppealForm, ExplanationForm, RejectForm } from './actions/EndingForms';
import type { ActionFormProps } from './actions/form-context';
import { PublishForm } from './actions/PublishForm';
import { ApproveForm, FlagForm, LinkPublishedForm, ReturnForm, RevisionForm } from './actions/ReasonForms';
import { ReassignForm } from './actions/ReassignForm';
import { RouteForm } from './actions/RouteForm';
import { TriageForm } from './actions/TriageForm';
import { useCommand } from './use-command';

/** The form of each command that needs nothing but the case and the command runner. */
const PLAIN_FORMS: Partial<Record<CommandType, ComponentType<ActionFormProps>>> = {
  triage: TriageForm,
  forward: ForwardForm,
  recategorise: RecategoriseForm,
  return: ReturnForm,
  'submit-contribution': ContributionForm,
  approve: ApproveForm,
  'request-revision': RevisionForm,
  reject: RejectForm,
  'send-explanation': ExplanationForm,
  'link-published': LinkPublishedForm,
  'convert-to-appeal': AppealForm,
  'flag-socially-significant': FlagForm,
  'link-repeat': LinkRepeatForm,
  'shorten-deadline': ShortenDeadlineForm,
  'reassign-substitute': ReassignForm,
};

export function ActionsPanel(props: {
  readonly detail: CaseDetail;
  /** The user's command went through (its change reaches the detail live). */
  readonly onDone: () => void;
  /** The detail is older than the server's case (a conflict): read it again. */
  readonly onStale: () => void;
}) {
  const t = useT();
  const { detail } = props;
  // The domain's actions for this user (caseActions), from the server's detail or derived from a live change: the
  // only source of the buttons (a publication through the network account only when the account can post).
  const allowed = detail.allowed;
  const [open, setOpen] = useState<CommandType | null>(allowed.length === 1 ? allowed[0]! : null);
  // What this user just did, shown until the case moves on: `version` is the case version their command produced
  // (null for a publication through a channel, shown until the status changes).
  const [done, setDone] = useState<{ label: string; version: number | null; status: string } | null>(null);
  const doneIsCurrent =
    done !== null && (done.version !== null ? detail.version <= done.version : detail.state.status === done.status);
  // The version the open form is based on: a change by someone else meanwhile makes the server answer CONFLICT,
  // which is shown with the user's input kept, instead of silently acting on a state they have not seen.
  const [baseVersion, setBaseVersion] = useState(detail.version);
  const runner = useCommand(detail.id, baseVersion, (version) => {
    if (open) setDone({ label: t.commands[open], version, status: detail.state.status });
    setOpen(null);
    props.onDone();
  });
  const changedMeanwhile = open !== null && detail.version !== baseVersion;
  const { conflict } = runner;
  const reload = props.onStale;
  // After a conflict: fetch the newer state, and let the next attempt be based on it (the user has now seen it).
  useEffect(() => {
    if (conflict) reload();
  }, [conflict, reload]);
  useEffect(() => {
    if (conflict) setBaseVersion(detail.version);
  }, [conflict, detail.version]);

  const formFor = (c: CommandType): ReactNode => {
    const p = { detail, runner };
    const Form = PLAIN_FORMS[c];
    if (Form) return <Form {...p} />;
    switch (c) {
      case 'route':
      case 'reroute':
      case 'move':
        return <RouteForm {...p} variant={c} />;
      case 'compose-answer':
      case 'submit-draft':
        return <DraftForm {...p} compose={c === 'compose-answer'} />;
      case 'publish':
      case 'publish-intermediate':
        return <PublishForm {...p} intermediate={c === 'publish-intermediate'} />;
      case 'request-publication':
        return (
          <ChannelPublishForm
            detail={detail}
            onDone={() => {
              setDone({ label: t.commands['request-publication'], version: null, status: detail.state.status });
              setOpen(null);
              props.onDone();
            }}
          />
        );
      default:
        return null;
    }
  };

  return (
    <section className="panel actions-panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t.caseView.actions}</h2>
      {done && doneIsCurrent && (
        <p className="success-message" role="status">
          {t.caseView.done}: {done.label}
        </p>
      )}
      {allowed.length === 0 ? (
        <p className="muted">{t.caseView.noActions}</p>
      ) : (
        <fieldset className="action-buttons">
          <legend className="visually-hidden">{t.caseView.actions}</legend>
          {allowed.map((c) => (
            <button
              key={c}
              type="button"
              className={open === c ? 'button-primary' : 'button-secondary'}
              aria-expanded={open === c}
              onClick={() => {
                runner.clear();
                setDone(null);
                setBaseVersion(detail.version);
                setOpen(open === c ? null : c);
              }}
            >
              {t.commands[c]}
            </button>
          ))}
        </fieldset>
      )}
      {changedMeanwhile && !runner.conflict && (
        <p className="notice" role="status">
          {t.caseView.updatedLive}
        </p>
      )}
      {open && <div className="action-form">{formFor(open)}</div>}
    </section>
  );
}
