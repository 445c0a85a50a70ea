// A draft (answer, intermediate answer, clarification, or an explanation instead of an answer where the profile has
// them, idrinsky 3.7) or the combined answer of a chain, with attachments and, for fast-track messages, the evidence
// that the problem was solved or not confirmed (krasnoufimsk p.20).
import type { Attachment, DraftKind, Evidence, ExplanationReason } from '@otklik/domain';
import { useState } from 'react';
import { profileFor } from '../../../api/profiles';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { Field } from '../../../components/Field';
import { useT } from '../../../i18n';
import { AnswerReminder } from './AnswerReminder';
import { AttachmentsInput } from './AttachmentsInput';
import { CommandForm } from './CommandForm';
import { type ActionFormProps, fieldError } from './form-context';
import { RevisionReason } from './RevisionReason';
import { SharedTextArea } from './SharedTextArea';
import { useSharedDraft } from './use-shared-draft';

export function DraftForm({ detail, runner, compose }: ActionFormProps & { readonly compose: boolean }) {
  const t = useT();
  const s = detail.state;
  const type = compose ? 'compose-answer' : 'submit-draft';
  const previous = s.draft?.text ?? '';
  // One shared slot for the answer: whoever composes or revises it sees the others' saves live.
  const draft = useSharedDraft(detail.id, 'answer', s.status === 'revision' ? previous : '');
  const [kind, setKind] = useState<DraftKind>('answer');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const fastTrack = s.category === 'fast-track';
  const [outcome, setOutcome] = useState<Evidence['outcome']>('solved');
  const [evidence, setEvidence] = useState<Attachment[]>([]);
  const [reason, setReason] = useState<ExplanationReason>('outside-competence');
  const profile = profileFor(detail.profileId);
  const kinds: DraftKind[] = [
    'answer',
    ...(profile?.steps.final && s.stage === 'answer' ? (['intermediate'] as const) : []),
    'clarification',
    ...(profile?.endings.includes('explained') ? (['explanation'] as const) : []),
  ];

  const insertContributions = () =>
    draft.setText([draft.text, ...s.contributions.map((c) => c.text)].filter((x) => x.trim()).join('\n\n'));

  const submit = async () => {
    const ok = await runner.run({
      type,
      kind,
      text: draft.text,
      attachments,
      evidence: fastTrack && kind === 'answer' ? { outcome, attachments: evidence } : undefined,
      explanationReason: kind === 'explanation' ? reason : undefined,
    });
    if (ok) draft.clear();
  };

  return (
    <div className="draft-layout">
      <AnswerReminder repeat={s.repeatOf.length > 0} visibility={s.message?.visibility ?? null} />
      <CommandForm title={t.commands[type]} runner={runner} onSubmit={() => void submit()}>
        <RevisionReason detail={detail} />
        <Field label={t.forms.kind} error={fieldError(runner, 'kind')}>
          <ChoiceSelect value={kind} onChange={setKind} options={kinds} label={(k) => t.forms.kinds[k]} />
        </Field>
        {kind === 'explanation' && (
          <Field label={t.forms.explanationReason}>
            <select value={reason} onChange={(e) => setReason(e.target.value as ExplanationReason)}>
              {(Object.keys(t.forms.explanationReasons) as ExplanationReason[]).map((r) => (
                <option key={r} value={r}>
                  {t.forms.explanationReasons[r]}
                </option>
              ))}
            </select>
          </Field>
        )}
        {compose && s.contributions.length > 0 && (
          <button type="button" className="button-secondary" onClick={insertContributions}>
            {t.forms.insertContributions}
          </button>
        )}
        <SharedTextArea label={t.forms.text} draft={draft} error={fieldError(runner, 'text')} testId="draft-text" />
        <AttachmentsInput
          label={t.caseView.attachments}
          value={attachments}
          onChange={setAttachments}
          caseId={detail.id}
          error={fieldError(runner, 'attachments')}
        />
        {fastTrack && kind === 'answer' && (
          <fieldset className="evidence">
            <legend>{t.forms.evidence}</legend>
            <Field label={t.forms.evidenceOutcome}>
              <select value={outcome} onChange={(e) => setOutcome(e.target.value as Evidence['outcome'])}>
                <option value="solved">{t.forms.outcomes.solved}</option>
                <option value="not-confirmed">{t.forms.outcomes['not-confirmed']}</option>
              </select>
            </Field>
            <AttachmentsInput
              label={t.forms.evidenceFile}
              fileLabel={t.forms.evidenceFile}
              value={evidence}
              onChange={setEvidence}
              caseId={detail.id}
              error={fieldError(runner, 'evidence')}
            />
          </fieldset>
        )}
      </CommandForm>
    </div>
  );
}
