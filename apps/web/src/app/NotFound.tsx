// Unknown address: say so and offer the way back.
import { Link } from 'react-router';
import { useT } from '../i18n';

export function NotFound() {
  const t = useT();
  return (
    <section className="page">
      <h1>{t.app.notFound}</h1>
      <Link to="/">{t.app.toBoard}</Link>
    </section>
  );
}
