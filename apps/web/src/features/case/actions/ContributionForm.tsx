// An executor's part of a combined answer (REGULATIONS 5): the next executor in a chain receives it with the original.
import type { Attachment } from '@otklik/domain';
import { useState } from 'react';
import { useT } from '../../../i18n';
import { useSession } from '../../../stores/session';
import { AnswerReminder } from './AnswerReminder';
import { AttachmentsInput } from './AttachmentsInput';
import { CommandForm } from './CommandForm';
import { type ActionFormProps, fieldError } from './form-context';
import { SharedTextArea } from './SharedTextArea';
import { useSharedDraft } from './use-shared-draft';

/** The department this person contributes for: their own assignment that has received the case and not answered. */
export function myPendingDepartment(
  detail: ActionFormProps['detail'],
  personId: string,
  departmentIds: readonly string[],
) {
  const pending = detail.state.assignments.filter((a) => a.receivedAt !== null && a.contributedAt === null);
  return (
    pending.find((a) => a.executorId === personId) ??
    pending.find((a) => departmentIds.includes(a.departmentId)) ??
    pending[0]
  );
}

export function ContributionForm({ detail, runner }: ActionFormProps) {
  const t = useT();
  const user = useSession((s) => s.user);
  const mine = myPendingDepartment(detail, user?.id ?? '', user?.departmentIds ?? []);
  const draft = useSharedDraft(detail.id, `contribution:${mine?.departmentId ?? 'none'}`);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const submit = async () => {
    const ok = await runner.run({
      type: 'submit-contribution',
      departmentId: mine?.departmentId ?? '',
      text: draft.text,
      attachments,
    });
    if (ok) draft.clear();
  };
  return (
    <div className="draft-layout">
      <AnswerReminder repeat={detail.state.repeatOf.length > 0} visibility={detail.state.message?.visibility ?? null} />
      <CommandForm title={t.commands['submit-contribution']} runner={runner} onSubmit={() => void submit()}>
        <SharedTextArea
          label={t.forms.text}
          draft={draft}
          rows={6}
          error={fieldError(runner, 'text') ?? fieldError(runner, 'departmentId')}
          testId="contribution-text"
        />
        <AttachmentsInput
          label={t.caseView.attachments}
          value={attachments}
          onChange={setAttachments}
          caseId={detail.id}
        />
      </CommandForm>
    </div>
  );
}
