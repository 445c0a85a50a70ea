// The fields of a new organisation and its first administrator: shared by the first-run page and the region
// administrator's "new organisation" form, so both ask the same and show the server's per-field messages.
import { getPreset, PRESET_IDS } from '@otklik/domain';
import { Field } from '../../components/Field';
import { PasswordInput } from '../../components/PasswordInput';
import { useT } from '../../i18n';

export interface OrganisationDraft {
  name: string;
  presetId: string;
  timeZone: string;
  fullName: string;
  login: string;
  password: string;
  password2: string;
}

export const emptyOrganisationDraft = (): OrganisationDraft => ({
  name: '',
  presetId: PRESET_IDS[0],
  timeZone: getPreset(PRESET_IDS[0])?.timeZone ?? 'Europe/Moscow',
  fullName: '',
  login: '',
  password: '',
  password2: '',
});

/** What the server's zNewOrganisation input expects. */
export function toNewOrganisation(draft: OrganisationDraft) {
  return {
    name: draft.name,
    presetId: draft.presetId as (typeof PRESET_IDS)[number],
    timeZone: draft.timeZone,
    admin: { fullName: draft.fullName, login: draft.login, password: draft.password },
  };
}

export function OrganisationFields(props: {
  readonly draft: OrganisationDraft;
  readonly onChange: (draft: OrganisationDraft) => void;
  /** Per-field messages (from the server, or "passwords differ"), keyed by the input's path. */
  readonly errors: Readonly<Record<string, string>>;
}) {
  const t = useT();
  const { draft, onChange, errors } = props;
  const set = (patch: Partial<OrganisationDraft>) => onChange({ ...draft, ...patch });
  return (
    <>
      <fieldset>
        <legend>{t.setup.organisation}</legend>
        <Field label={t.admin.name} error={errors.name}>
          <input name="org-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} required />
        </Field>
        <Field label={t.setup.preset} error={errors.presetId}>
          <select
            name="preset"
            value={draft.presetId}
            onChange={(e) =>
              // The preset's own zone is the likely one; the administrator may still change it.
              set({ presetId: e.target.value, timeZone: getPreset(e.target.value)?.timeZone ?? draft.timeZone })
            }
          >
            {PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {getPreset(id)?.name ?? id}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.admin.timeZone} error={errors.timeZone} hint={t.setup.timeZoneHint}>
          <input name="time-zone" value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t.setup.administrator}</legend>
        <Field label={t.admin.fullName} error={errors['admin.fullName']}>
          <input name="admin-name" value={draft.fullName} onChange={(e) => set({ fullName: e.target.value })} />
        </Field>
        <Field label={t.admin.login} error={errors['admin.login']}>
          <input
            name="admin-login"
            autoComplete="username"
            value={draft.login}
            onChange={(e) => set({ login: e.target.value })}
          />
        </Field>
        <Field label={t.admin.password} error={errors['admin.password']} hint={t.setup.passwordHint}>
          <PasswordInput
            name="admin-password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(password) => set({ password })}
          />
        </Field>
        <Field label={t.setup.password2} error={errors.password2}>
          <PasswordInput
            name="admin-password2"
            autoComplete="new-password"
            value={draft.password2}
            onChange={(password2) => set({ password2 })}
          />
        </Field>
      </fieldset>
    </>
  );
}
