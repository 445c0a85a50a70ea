// "/" sends each person to their own start page.
import { Navigate } from 'react-router';
import { useSession } from '../stores/session';
import { homeFor } from './home';

export function HomeRedirect() {
  const user = useSession((s) => s.user);
  return <Navigate to={user ? homeFor(user) : '/login'} replace />;
}
