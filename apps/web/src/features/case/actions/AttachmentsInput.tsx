// Attachments as links, or as files uploaded to the server (evidence for fast-track answers): each becomes a link.
import type { Attachment } from '@otklik/domain';
import { useId, useState } from 'react';
import { toReadableError } from '../../../api/errors';
import { uploadAttachment } from '../../../api/uploads';
import { enterAdds } from '../../../components/enter-adds';
import { useT } from '../../../i18n';

function kindOf(name: string): Attachment['kind'] {
  if (/\.(jpe?g|png|gif|webp|heic)$/i.test(name)) return 'photo';
  if (/\.(mp4|mov|webm|avi)$/i.test(name)) return 'video';
  if (/\.(pdf|docx?|odt|xlsx?|txt)$/i.test(name)) return 'document';
  return 'other';
}

export function AttachmentsInput(props: {
  readonly label: string;
  readonly value: readonly Attachment[];
  readonly onChange: (next: Attachment[]) => void;
  readonly caseId: string;
  readonly error?: string | undefined;
  /** Label of the file picker: evidence for fast-track answers, a plain file otherwise. */
  readonly fileLabel?: string;
}) {
  const t = useT();
  const id = useId();
  const [url, setUrl] = useState('');
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const addUrl = () => {
    const trimmed = url.trim();
    if (!trimmed) return;
    props.onChange([...props.value, { kind: kindOf(trimmed), url: trimmed }]);
    setUrl('');
  };
  const upload = async (file: File) => {
    setBusy(true);
    setUploadError(null);
    try {
      const uploaded = await uploadAttachment(props.caseId, file);
      props.onChange([...props.value, { kind: kindOf(file.name), url: uploaded.url, name: file.name }]);
    } catch (err) {
      setUploadError(`${t.forms.uploadFailed}: ${toReadableError(err, t).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="attachments-input">
      <legend>{props.label}</legend>
      {props.value.length > 0 && (
        <ul>
          {props.value.map((a, i) => (
            <li key={`${a.url}-${i}`}>
              <a href={a.url} target="_blank" rel="noreferrer">
                {a.name ?? a.url}
              </a>{' '}
              <button
                type="button"
                className="button-link"
                onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}
              >
                {t.forms.removeStep}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-row">
        <label htmlFor={`${id}-url`} className="visually-hidden">
          {t.forms.attachmentUrl}
        </label>
        <input
          id={`${id}-url`}
          type="url"
          placeholder={t.forms.attachmentUrl}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          onKeyDown={enterAdds(addUrl)}
        />
        <button type="button" className="button-secondary" onClick={addUrl}>
          {t.forms.addAttachment}
        </button>
      </div>
      <label className="field">
        <span>{props.fileLabel ?? t.forms.file}</span>
        <input
          type="file"
          disabled={busy}
          accept="image/*,video/*,.pdf,.doc,.docx,.odt"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = '';
          }}
        />
      </label>
      {(uploadError ?? props.error) && (
        <p className="field-error" role="alert">
          {uploadError ?? props.error}
        </p>
      )}
    </fieldset>
  );
}
