// Publication (REGULATIONS 8): in the same thread, or from the body's own account with a link to the author
// (konyshevsky p.14); records where, for the answer or an intermediate answer.
import type { PublicationPlace } from '@otklik/domain';
import { useState } from 'react';
import { Field } from '../../../components/Field';
import { useT } from '../../../i18n';
import { CommandForm } from './CommandForm';
import { type ActionFormProps, fieldError } from './form-context';

export function PublishForm({ runner, intermediate }: ActionFormProps & { readonly intermediate: boolean }) {
  const t = useT();
  const type = intermediate ? 'publish-intermediate' : 'publish';
  const [kind, setKind] = useState<PublicationPlace['kind']>('same-thread');
  const [url, setUrl] = useState('');
  const [authorLink, setAuthorLink] = useState('');
  const submit = () =>
    void runner.run({
      type,
      where: kind === 'same-thread' ? { kind, url: url || undefined } : { kind, url, authorLink },
    });
  return (
    <CommandForm title={t.commands[type]} runner={runner} onSubmit={submit}>
      <fieldset>
        <legend>{t.forms.where}</legend>
        {(['same-thread', 'own-account'] as const).map((k) => (
          <label key={k} className="field field-check">
            <input type="radio" name={`${type}-where`} checked={kind === k} onChange={() => setKind(k)} />
            <span>{t.forms.places[k]}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t.forms.publicationUrl} error={fieldError(runner, 'where.url')}>
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      </Field>
      {kind === 'own-account' && (
        <Field label={t.forms.authorLink} error={fieldError(runner, 'where.authorLink')}>
          <input type="url" value={authorLink} onChange={(e) => setAuthorLink(e.target.value)} />
        </Field>
      )}
    </CommandForm>
  );
}
