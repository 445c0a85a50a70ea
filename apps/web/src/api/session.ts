// Sign-in, sign-out and start-up: who am I, the server-time offset, then the directory the screens need.
import { useClock } from '../stores/clock';
import { useSession } from '../stores/session';
import { loadDirectory } from './directory';
import { api } from './trpc';
import type { SessionUser } from './types';

/** The signed-in person as `auth.me` / `auth.login` send them (typed by their output schema). */
type UserOutput = NonNullable<Awaited<ReturnType<typeof api.auth.me.query>>['user']>;

function toSessionUser(u: UserOutput): SessionUser {
  return {
    id: u.personId,
    fullName: u.fullName,
    login: u.login,
    roles: u.roles,
    regionAdministrator: u.regionAdministrator,
    departmentIds: u.departmentIds,
    organisationId: u.organisationId,
    substituteFor: u.substituteFor,
  };
}

/** Asks the server who is signed in, recording a server-time sample on the way. */
export async function loadMe(): Promise<void> {
  const sentAt = Date.now();
  try {
    const res = await api.auth.me.query();
    useClock.getState().addSample(res.serverTime, sentAt, Date.now());
    if (res.user) {
      useSession.getState().signedIn(toSessionUser(res.user));
      await loadDirectory();
    } else useSession.getState().signedOut();
  } catch (err) {
    useSession.getState().signedOut();
    throw err;
  }
}

export async function signIn(login: string, password: string): Promise<SessionUser> {
  const res = await api.auth.login.mutate({ login, password });
  const user = toSessionUser(res.user);
  useSession.getState().signedIn(user);
  await loadDirectory();
  return user;
}

export async function signOut(): Promise<void> {
  try {
    await api.auth.logout.mutate();
  } finally {
    useSession.getState().signedOut();
  }
}

/** One more offset sample (the socket module calls this after every reconnect). */
export async function measureServerTime(): Promise<void> {
  const sentAt = Date.now();
  const res = await api.auth.me.query();
  useClock.getState().addSample(res.serverTime, sentAt, Date.now());
}
