// Sign-in with login and password (local, or the directory's through LDAP) and, when configured, "Войти через …"
// with the organisation's OpenID Connect provider; a refusal is a readable message, never a crash.
// While no organisation exists there is nobody to sign in: the first-run page takes its place.
import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { signIn } from '../../api/session';
import { api } from '../../api/trpc';
import { homeFor } from '../../app/home';
import { SignInCard } from '../../app/SignInCard';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { useSession } from '../../stores/session';

export function LoginScreen() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession((s) => s.user);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [firstRun, setFirstRun] = useState(false);
  useEffect(() => {
    let live = true;
    // A failure here leaves the sign-in form: it is the page every installed server needs anyway.
    api.setup.status
      .query()
      .then((s) => live && setFirstRun(s.needed))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  const [params] = useSearchParams();
  const methods = useAsync(() => api.auth.methods.query(), []);
  const oidc = methods.data?.oidc ?? null;
  const errors = t.login.directoryErrors as Record<string, string>;
  const directoryError = errors[params.get('error') ?? ''];
  if (session) return <Navigate to={homeFor(session)} replace />;
  if (firstRun) return <Navigate to={`/setup${location.search}`} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!login.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(login.trim(), password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : homeFor(user), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <SignInCard id="login-title" title={t.login.title} className="login-card" onSubmit={submit}>
      <p className="muted">{t.login.subtitle}</p>
      {directoryError && (
        <p className="error-message" role="alert">
          {fill(directoryError, { who: params.get('who') ?? '' })}
        </p>
      )}
      {oidc && (
        <>
          <a className="button-primary login-provider" href={oidc.startUrl}>
            {fill(t.login.withProvider, { name: oidc.name })}
          </a>
          <p className="login-or muted">{t.login.or}</p>
        </>
      )}
      {methods.data?.ldap && <p className="muted">{t.login.directoryHint}</p>}
      <label className="field">
        <span>{t.login.login}</span>
        <input
          name="login"
          autoComplete="username"
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          aria-invalid={missing && !login.trim()}
          required
        />
      </label>
      <label className="field">
        <span>{t.login.password}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={missing && !password}
          required
        />
      </label>
      {missing && (
        <p className="error-message" role="alert">
          {t.login.required}
        </p>
      )}
      <ErrorMessage error={error} />
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? t.login.submitting : t.login.submit}
      </button>
    </SignInCard>
  );
}
