// Departments (structural units) with the supervising deputy who receives their deficiency notices; a department is
// renamed or given another deputy in the same form ("Изменить" fills it), checked again by the server.
import { loadDirectory } from '../../api/directory';
import { api } from '../../api/trpc';
import { Field } from '../../components/Field';
import { OptionalSelect } from '../../components/OptionalSelect';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { AdminListSection } from './AdminListForm';

export function DepartmentsAdmin() {
  const t = useT();
  const list = useAsync(() => api.directory.departments.query(), []);
  const people = useDirectory((s) => s.people);
  const peopleOptions = people.map((p) => ({ id: p.id, label: p.fullName }));
  const personName = (id: string | null) => people.find((p) => p.id === id)?.fullName ?? t.admin.none;
  return (
    <AdminListSection
      title={t.admin.sections.departments}
      list={list}
      columns={[
        { header: t.admin.name, cell: (d) => d.name },
        { header: t.admin.deputy, cell: (d) => personName(d.supervisingDeputyId) },
      ]}
      rowName={(d) => d.name}
      empty={{ name: '', deputy: '' }}
      draftOf={(d) => ({ name: d.name, deputy: d.supervisingDeputyId ?? '' })}
      save={({ name, deputy }, id) => {
        const input = { name, supervisingDeputyId: deputy || null };
        return id
          ? api.directory.updateDepartment.mutate({ id, ...input })
          : api.directory.createDepartment.mutate(input);
      }}
      onChanged={() => {
        list.reload();
        void loadDirectory();
      }}
      fields={(v, set, form) => (
        <>
          <Field label={t.admin.name} error={form.field('name')}>
            <input value={v.name} onChange={(e) => set({ name: e.target.value })} />
          </Field>
          <Field label={t.admin.deputy} error={form.field('supervisingDeputyId')}>
            <OptionalSelect value={v.deputy} onChange={(deputy) => set({ deputy })} options={peopleOptions} />
          </Field>
        </>
      )}
    />
  );
}
