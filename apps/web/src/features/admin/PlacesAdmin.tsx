// The place directory of the wall: settlements and districts. The wall names a case's place only as one of these
// (domain wallPlaceOf), never by the free text an operator typed. "Изменить" fills the form with a place; the
// server checks the name again (unique in the organisation).
import { api } from '../../api/trpc';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { Field } from '../../components/Field';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { AdminListSection } from './AdminListForm';

const KINDS = ['settlement', 'district'] as const;
type Kind = (typeof KINDS)[number];

export function PlacesAdmin() {
  const t = useT();
  const list = useAsync(() => api.directory.places.query(), []);
  return (
    <AdminListSection
      title={t.admin.sections.places}
      hint={t.admin.placesHint}
      list={list}
      columns={[
        { header: t.admin.name, cell: (p) => p.name },
        { header: t.admin.placeKind, cell: (p) => t.admin.placeKinds[p.kind as Kind] ?? p.kind },
      ]}
      rowName={(p) => p.name}
      empty={{ name: '', kind: 'settlement' as Kind }}
      draftOf={(p) => ({ name: p.name, kind: p.kind as Kind })}
      save={(v, id) => (id ? api.directory.updatePlace.mutate({ id, ...v }) : api.directory.createPlace.mutate(v))}
      remove={(p) => api.directory.deletePlace.mutate({ id: p.id })}
      fields={(v, set, form) => (
        <>
          <Field label={t.admin.name} error={form.field('name')}>
            <input value={v.name} onChange={(e) => set({ name: e.target.value })} />
          </Field>
          <Field label={t.admin.placeKind} error={form.field('kind')}>
            <ChoiceSelect
              value={v.kind}
              onChange={(kind) => set({ kind })}
              options={KINDS}
              label={(k) => t.admin.placeKinds[k]}
            />
          </Field>
        </>
      )}
    />
  );
}
