// The classification fields shared by triage and re-categorisation: a topic from the organisation's topic directory
// (NAO p.16 lists are never matched as free text), the place, the category — ordinary, or fast-track where the profile
// has it (krasnoufimsk p.8) — and the high-importance flag on top of either (p.8.3).
import type { Category } from '@otklik/domain';
import { profileFor } from '../../../api/profiles';
import { CheckField } from '../../../components/CheckField';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { Field } from '../../../components/Field';
import { RowSelect } from '../../../components/RowSelect';
import { useT } from '../../../i18n';
import { useDirectory } from '../../../stores/directory';
import type { CommandRunner } from '../use-command';
import { fieldError } from './form-context';

export interface Classification {
  readonly topic: string;
  readonly topicId: string;
  readonly location: string;
  readonly category: Category;
  readonly high: boolean;
}

export function ClassificationFields(props: {
  readonly profileId: string;
  readonly value: Classification;
  readonly onChange: (next: Classification) => void;
  readonly runner: CommandRunner;
}) {
  const t = useT();
  const topics = useDirectory((s) => s.topics).filter((x) => x.active || x.id === props.value.topicId);
  const categories = profileFor(props.profileId)?.categories ?? ['ordinary'];
  const v = props.value;
  const set = (patch: Partial<Classification>) => props.onChange({ ...v, ...patch });
  return (
    <>
      <Field label={t.caseView.topic} error={fieldError(props.runner, 'topicId') ?? fieldError(props.runner, 'topic')}>
        {topics.length > 0 ? (
          <RowSelect
            value={v.topicId}
            onChange={(topicId) => set({ topicId })}
            rows={topics}
            label={(x) => x.name}
            orNone
          />
        ) : (
          <input value={v.topic} placeholder={t.forms.topicFree} onChange={(e) => set({ topic: e.target.value })} />
        )}
      </Field>
      <Field label={t.caseView.location} error={fieldError(props.runner, 'location')}>
        <input value={v.location} onChange={(e) => set({ location: e.target.value })} />
      </Field>
      {categories.length > 1 && (
        <Field label={t.caseView.category} error={fieldError(props.runner, 'category')}>
          <ChoiceSelect
            value={v.category}
            onChange={(category) => set({ category })}
            options={categories}
            label={(c) => t.category[c]}
          />
        </Field>
      )}
      <CheckField label={t.forms.high} checked={v.high} onChange={(high) => set({ high })} />
    </>
  );
}

/** The topic fields of a command: the directory entry when there is a directory, else the typed name. */
export function topicFields(v: Classification, hasDirectory: boolean): { topicId?: string; topic?: string } {
  if (hasDirectory) return v.topicId ? { topicId: v.topicId } : {};
  return v.topic.trim() ? { topic: v.topic.trim() } : {};
}
