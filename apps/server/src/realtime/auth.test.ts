// A socket's person is identified as every request identifies them (the remembered identity of their session), and
// a deactivation is never hidden by that memory: the socket already open is found at the next session check, and
// the next handshake with the same cookie is refused, though the handshake before was answered from memory.
import { expect, it } from 'vitest';
import { IDENTITY_QUIET_MS } from '../auth/identity-cache';
import { updatePerson } from '../directory/people';
import { describeEachDatabase } from '../test/databases';
import { signInCookie } from '../test/fixtures';
import { setUpOrgFixture } from '../test/org-suite';
import { countStatements } from '../test/statement-counter';
import { authenticateSocket, SocketAuthError } from './auth';
import { createSessionCheck } from './session-check';

const NOW = Date.UTC(2026, 10, 24, 7, 0);
const settle = () => new Promise((resolve) => setTimeout(resolve, IDENTITY_QUIET_MS + 50));

describeEachDatabase('socket sign-in', (getDb) => {
  const fx = setUpOrgFixture(getDb, { now: () => NOW });

  it('refuses a deactivated person at the next check though their identity was remembered', async () => {
    const cookie = await signInCookie(fx.deps, fx.org.people.roadsExecutor2.login);
    await settle();
    const handshake = { cookieHeader: cookie, auth: {} };
    const first = await authenticateSocket(fx.deps, handshake);
    expect(first.who).toMatchObject({ kind: 'person', personId: fx.org.people.roadsExecutor2.id });
    // The second handshake is answered from the remembered identity: nothing is read.
    const { result: second, recording } = await countStatements(() => authenticateSocket(fx.deps, handshake));
    expect(second.who).toEqual(first.who);
    expect(recording.statements).toEqual([]);

    const check = createSessionCheck(fx.deps);
    check.track('socket-1', first.credential);
    expect(await check.expired()).toEqual([]);

    await updatePerson(fx.deps.db, {
      organisationId: fx.org.organisationId,
      id: fx.org.people.roadsExecutor2.id,
      active: false,
    });
    expect(await check.expired()).toEqual(['socket-1']);
    const refused = authenticateSocket(fx.deps, handshake);
    await expect(refused).rejects.toBeInstanceOf(SocketAuthError);
    await expect(refused).rejects.toThrow('Войдите в систему / please sign in');
    // socket.io hands `data` to the client with connect_error: the catalogue's key, for the reader's language.
    await expect(refused).rejects.toMatchObject({ data: { key: 'auth.sign-in' } });
  });

  it('refuses a handshake without a session cookie or with an unknown one', async () => {
    await expect(authenticateSocket(fx.deps, { cookieHeader: undefined, auth: {} })).rejects.toBeInstanceOf(
      SocketAuthError,
    );
    await expect(
      authenticateSocket(fx.deps, { cookieHeader: 'otklik_session=not-a-session', auth: {} }),
    ).rejects.toBeInstanceOf(SocketAuthError);
  });
});
