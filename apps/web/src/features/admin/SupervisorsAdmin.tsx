// Who receives the deficiency notices about the curator's and the operator's breaches (konyshevsky p.22 "управляющий
// делами", NAO p.27 the deputy governor): the organisation names them; a department's breaches go to its deputy.
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/trpc';
import { Field } from '../../components/Field';
import { OptionalSelect } from '../../components/OptionalSelect';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { AdminSection } from './AdminListForm';
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
  const save = async (e: FormEvent) => {
    e.preventDefault();
    await form.submit(() =>
      api.directory.setSupervisors.mutate({
        curatorSupervisorId: curator || null,
        operatorSupervisorId: operator || null,
      }),
    );
  };
  return (
    <AdminSection title={t.admin.sections.supervisors} hint={t.admin.supervisorsHint} list={data}>
      {([, everyone]) => {
        const people = everyone
          .filter((p) => p.active)
          .map((p) => ({ id: p.id, label: p.position ? `${p.fullName} — ${p.position}` : p.fullName }));
        const select = (value: string, onChange: (v: string) => void) => (
          <OptionalSelect value={value} onChange={onChange} options={people} />
        );
        return (
          <form className="admin-form" onSubmit={save} noValidate ref={form.ref}>
            <Field label={t.admin.curatorSupervisor} error={form.field('curatorSupervisorId')}>
              {select(curator, setCurator)}
            </Field>
            <Field label={t.admin.operatorSupervisor} error={form.field('operatorSupervisorId')}>
              {select(operator, setOperator)}
            </Field>
            <FormSubmit form={form} label={t.app.save} />
          </form>
        );
      }}
    </AdminSection>
  );
}
