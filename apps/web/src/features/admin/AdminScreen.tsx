// Administration: one sub-page per area of the directory and the rules, linked from a side menu.
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { AbsencesAdmin } from './AbsencesAdmin';
import { AuditAdmin } from './AuditAdmin';
import { CalendarAdmin } from './CalendarAdmin';
import { ChannelsAdmin } from './ChannelsAdmin';
import { DepartmentsAdmin } from './DepartmentsAdmin';
import { OrganisationsAdmin } from './OrganisationsAdmin';
import { PeopleAdmin } from './PeopleAdmin';
import { PlacesAdmin } from './PlacesAdmin';
import { ProfilesAdmin } from './ProfilesAdmin';
import { SupervisorsAdmin } from './SupervisorsAdmin';
import { TokensAdmin } from './TokensAdmin';
import { TopicsAdmin } from './TopicsAdmin';

const SECTIONS = [
  'departments',
  'supervisors',
  'topics',
  'places',
  'people',
  'absences',
  'displays',
  'apiKeys',
  'channels',
  'calendar',
  'profiles',
  'audit',
] as const;

export function AdminScreen() {
  const t = useT();
  const regionAdmin = useSession((s) => s.user?.regionAdministrator === true);
  // Organisations only for region administrators: an organisation's administrator manages their own alone.
  const sections = regionAdmin ? [...SECTIONS, 'organisations' as const] : SECTIONS;
  return (
    <section className="page admin-page" aria-labelledby="admin-title">
      <h1 id="admin-title">{t.admin.title}</h1>
      <div className="admin-layout">
        <nav className="admin-nav" aria-label={t.admin.title}>
          {sections.map((s) => (
            <NavLink key={s} to={`/admin/${s}`}>
              {t.admin.sections[s]}
            </NavLink>
          ))}
        </nav>
        <div className="admin-content">
          <Routes>
            <Route index element={<Navigate to="departments" replace />} />
            <Route path="departments" element={<DepartmentsAdmin />} />
            <Route path="supervisors" element={<SupervisorsAdmin />} />
            <Route path="topics" element={<TopicsAdmin />} />
            <Route path="places" element={<PlacesAdmin />} />
            <Route path="people" element={<PeopleAdmin />} />
            <Route path="absences" element={<AbsencesAdmin />} />
            <Route path="displays" element={<TokensAdmin kind="display" />} />
            <Route path="apiKeys" element={<TokensAdmin kind="api" />} />
            <Route path="channels" element={<ChannelsAdmin />} />
            <Route path="calendar" element={<CalendarAdmin />} />
            <Route path="profiles/*" element={<ProfilesAdmin />} />
            {regionAdmin && <Route path="organisations" element={<OrganisationsAdmin />} />}
            <Route path="audit" element={<AuditAdmin />} />
          </Routes>
        </div>
      </div>
    </section>
  );
}
