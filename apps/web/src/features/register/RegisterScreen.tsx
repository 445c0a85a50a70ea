// The operator's first screen: a message found in a network registered by hand (REGULATIONS "The life of a message"
// 1) through the same register command as the intake, with earlier cases it may repeat shown while typing. After a
// registration, focus moves to the result with a link to the new case, and the form is ready for the next message.
import { type Attachment, type Network, zNetwork } from '@otklik/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { toReadableError } from '../../api/errors';
import { api } from '../../api/trpc';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { enterAdds } from '../../components/enter-adds';
import { Field } from '../../components/Field';
import { formatDateTime, zonedInputToInstant } from '../../components/format';
import { fill, useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';

const NETWORKS = zNetwork.options;
const KINDS: readonly Attachment['kind'][] = ['photo', 'video', 'document', 'other'];
const isHttpUrl = (s: string) => /^https?:\/\/\S+$/i.test(s.trim());

type Suggestion = Awaited<ReturnType<typeof api.cases.repeatSuggestions.query>>[number];

export function RegisterScreen() {
  const t = useT();
  const f = t.register;
  const timeZone = useDirectory((s) => s.organisations[0]?.timeZone ?? 'Europe/Moscow');
  const [network, setNetwork] = useState<Network>('vk');
  const [link, setLink] = useState('');
  const [author, setAuthor] = useState('');
  const [profileUrl, setProfileUrl] = useState('');
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'private'>('public');
  const [postedAt, setPostedAt] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [attachmentUrl, setAttachmentUrl] = useState('');
  const [attachmentKind, setAttachmentKind] = useState<Attachment['kind']>('photo');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ caseId: string; number: number | null } | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const resultRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLSelectElement>(null);

  // Repeat suggestions while typing: asked 400 ms after the last keystroke, for a text or an author long enough to mean
  // something; an answer to an older question never overwrites a newer one.
  const asked = useRef(0);
  useEffect(() => {
    if (text.trim().length < 12 && author.trim().length < 3) {
      setSuggestions([]);
      return;
    }
    const n = ++asked.current;
    const timer = setTimeout(() => {
      api.cases.repeatSuggestions
        .query({ author, text, ...(isHttpUrl(profileUrl) ? { profileUrl: profileUrl.trim() } : {}) })
        .then((found) => {
          if (n === asked.current) setSuggestions(found);
        })
        .catch(() => {});
    }, 400);
    return () => clearTimeout(timer);
  }, [author, text, profileUrl]);

  useEffect(() => {
    if (done) resultRef.current?.focus();
  }, [done]);

  /** An edited field's old error goes away at once: it described the text that was there. */
  const edited = (field: string) =>
    setErrors((e) => {
      if (!(field in e)) return e;
      const { [field]: _gone, ...rest } = e;
      return rest;
    });
  /** A text field's value, its change (which clears its old error) and the name a refusal focuses it by. */
  const bound = (field: string, value: string, set: (value: string) => void) => ({
    value,
    onChange: (e: { target: { value: string } }) => {
      set(e.target.value);
      edited(field);
    },
    'data-field': field,
  });

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!link.trim()) e.link = f.errors.linkRequired;
    else if (!isHttpUrl(link)) e.link = f.errors.linkUrl;
    if (!author.trim()) e.author = f.errors.authorRequired;
    if (profileUrl.trim() && !isHttpUrl(profileUrl)) e.profileUrl = f.errors.linkUrl;
    if (!text.trim()) e.text = f.errors.textRequired;
    if (postedAt) {
      const at = zonedInputToInstant(postedAt, timeZone);
      if (Number.isNaN(at)) e.postedAt = f.errors.postedAtInvalid;
      else if (at > Date.now() + 60_000) e.postedAt = f.errors.postedAtFuture;
    }
    return e;
  };

  const addAttachment = () => {
    if (!isHttpUrl(attachmentUrl)) {
      setErrors((e) => ({ ...e, attachments: f.errors.linkUrl }));
      return;
    }
    setAttachments((a) => [...a, { kind: attachmentKind, url: attachmentUrl.trim() }]);
    setAttachmentUrl('');
    setErrors(({ attachments: _a, ...rest }) => rest);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      // Keyboard and screen-reader users land on the first wrong field.
      const first = Object.keys(found)[0];
      document.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const res = await api.cases.register.mutate({
        network,
        link: link.trim(),
        author: { name: author.trim(), ...(profileUrl.trim() ? { profileUrl: profileUrl.trim() } : {}) },
        text,
        attachments,
        visibility,
        ...(postedAt ? { postedAt: zonedInputToInstant(postedAt, timeZone) } : {}),
      });
      const number = await api.cases.detail
        .query({ caseId: res.caseId })
        .then((d) => d.case.number)
        .catch(() => null);
      setDone({ caseId: res.caseId, number });
      setLink('');
      setAuthor('');
      setProfileUrl('');
      setText('');
      setPostedAt('');
      setAttachments([]);
      setSuggestions([]);
    } catch (err) {
      const readable = toReadableError(err, t);
      setFailure(readable.message);
      setErrors(readable.fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page register-page" aria-labelledby="register-title">
      <h1 id="register-title">{f.title}</h1>
      <p className="muted">{f.hint}</p>
      {done && (
        <div className="form-success" role="status" tabIndex={-1} ref={resultRef} data-testid="register-result">
          {fill(f.done, { number: done.number ?? '—' })} <Link to={`/cases/${done.caseId}`}>{f.openCase}</Link>{' '}
          <button type="button" className="button-link" onClick={() => firstRef.current?.focus()}>
            {f.next}
          </button>
        </div>
      )}
      <form className="register-form" aria-labelledby="register-title" noValidate onSubmit={(e) => void submit(e)}>
        <div className="register-row">
          <Field label={f.network} error={errors.network}>
            <ChoiceSelect
              ref={firstRef}
              value={network}
              onChange={setNetwork}
              options={NETWORKS}
              label={(n) => t.network[n]}
              data-field="network"
            />
          </Field>
          <fieldset className="register-visibility">
            <legend>{f.visibility}</legend>
            {(['public', 'private'] as const).map((v) => (
              <label key={v}>
                <input type="radio" name="visibility" checked={visibility === v} onChange={() => setVisibility(v)} />{' '}
                {t.caseView.visibility[v]}
              </label>
            ))}
          </fieldset>
        </div>
        <Field label={f.link} error={errors.link} hint={f.linkHint}>
          <input type="url" {...bound('link', link, setLink)} />
        </Field>
        <div className="register-row">
          <Field label={f.author} error={errors.author ?? errors['author.name']}>
            <input {...bound('author', author, setAuthor)} />
          </Field>
          <Field label={f.profileUrl} error={errors.profileUrl}>
            <input type="url" {...bound('profileUrl', profileUrl, setProfileUrl)} />
          </Field>
        </div>
        <Field label={f.text} error={errors.text}>
          <textarea rows={6} {...bound('text', text, setText)} />
        </Field>
        {suggestions.length > 0 && (
          <section className="register-repeats" aria-label={f.repeats} data-testid="repeat-suggestions">
            <strong>{f.repeats}</strong>
            <ul>
              {suggestions.map((s) => (
                <li key={s.caseId}>
                  <Link to={`/cases/${s.caseId}`} target="_blank">
                    №{s.number}
                  </Link>{' '}
                  {s.sameAuthor ? `${f.sameAuthor} · ` : ''}
                  {formatDateTime(s.detectedAt, timeZone, t.lang.locale)} · {s.isOpen ? f.open : f.closed} —{' '}
                  <span className="muted">{s.excerpt}</span>
                </li>
              ))}
            </ul>
            <p className="muted">{f.repeatsHint}</p>
          </section>
        )}
        <Field label={f.postedAt} error={errors.postedAt} hint={f.postedAtHint}>
          <input type="datetime-local" {...bound('postedAt', postedAt, setPostedAt)} />
        </Field>
        <fieldset className="register-attachments">
          <legend>{f.attachments}</legend>
          {attachments.length > 0 && (
            <ul>
              {attachments.map((a, i) => (
                <li key={`${a.url}-${i}`}>
                  {f.kinds[a.kind]}: {a.url}{' '}
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => setAttachments((all) => all.filter((_, j) => j !== i))}
                  >
                    {f.remove}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="register-row">
            <Field label={f.attachmentKind}>
              <select value={attachmentKind} onChange={(e) => setAttachmentKind(e.target.value as Attachment['kind'])}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {f.kinds[k]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={f.attachmentUrl} error={errors.attachments}>
              <input
                type="url"
                value={attachmentUrl}
                onChange={(e) => setAttachmentUrl(e.target.value)}
                onKeyDown={enterAdds(addAttachment)}
                data-field="attachments"
              />
            </Field>
            <button type="button" className="button-secondary" onClick={addAttachment}>
              {f.addAttachment}
            </button>
          </div>
        </fieldset>
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? f.saving : f.submit}
        </button>
      </form>
    </section>
  );
}
