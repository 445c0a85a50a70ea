// Who receives the deficiency notices about the curator's and the operator's breaches (konyshevsky p.22 "управляющий
// делами", NAO p.27 the deputy governor): the organisation names them; a department's breaches go to its deputy.
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { FormSubmit } from './FormStatus';
import { useAdminForm } from './use-admin-form';

export function SupervisorsAdmin() {
  const t = useT();
  const data = useAsync(() => Promise.all([api.directory.organisation.query(), api.directory.people.query()]), []);
  const form = useAdminForm();
  const [curator, setCurator] = useState('');
  const [operator, setOperator] = useState('');
  useEffect(() => {
    if (!data.data) return;
    setCurator(data.data[0].curatorSupervisorId ?? '');
    setOperator(data.data[0].operatorSupervisorId ?? '');
  }, [data.data]);
  if (!data.data) return data.error ? <ErrorMessage error={data.error} onRetry={data.reload} /> : <Loading />;
  const people = data.data[1].filter((p) => p.active);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await form.submit(() =>
      api.directory.setSupervisors.mutate({
        curatorSupervisorId: curator || null,
        operatorSupervisorId: operator || null,
      }),
    );
  };
  const select = (value: string, onChange: (v: string) => void) => (
    <select value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t.admin.none}</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.fullName}
          {p.position ? ` — ${p.position}` : ''}
        </option>
      ))}
    </select>
  );
  return (
    <div className="admin-section">
      <h2>{t.admin.sections.supervisors}</h2>
      <p className="muted">{t.admin.supervisorsHint}</p>
      <form className="admin-form" onSubmit={save} noValidate ref={form.ref}>
        <Field label={t.admin.curatorSupervisor} error={form.field('curatorSupervisorId')}>
          {select(curator, setCurator)}
        </Field>
        <Field label={t.admin.operatorSupervisor} error={form.field('operatorSupervisorId')}>
          {select(operator, setOperator)}
        </Field>
        <FormSubmit form={form} label={t.app.save} />
      </form>
    </div>
  );
}
