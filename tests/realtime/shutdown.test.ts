// Graceful shutdown on SIGTERM: new connections are refused, a command already in flight finishes (and its change
// is broadcast), then clients are told to reconnect, the database closes and the process exits cleanly.
import { get } from 'node:http';
import { describe, expect, it } from 'vitest';
import { connect, connected, registerInput, signIn, startNode } from './support/harness';

/** A request on a fresh TCP connection (no keep-alive pool): whether the server still accepts connections. */
function freshRequest(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${url}/healthz`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('graceful shutdown', () => {
  it('finishes the in-flight command, tells clients to reconnect, and exits 0', async () => {
    // Commands take 1.5 s to reach the API, so one is surely in flight when SIGTERM arrives.
    const node = await startNode({ NODE_SEED: '1', NODE_SCHEDULER: '0', NODE_SLOW_COMMANDS_MS: '1500' });
    const org = node.fixture!.org;
    const operator = await signIn(node.url, org.people.operator.login);
    const socket = connect(node.url, { cookie: (await signIn(node.url, org.people.curator.login)).cookie() });
    const order: string[] = [];
    socket.on('case:changes', (m) => {
      for (const c of m.changes) order.push(c.type);
    });
    socket.on('server:shutdown', () => order.push('server:shutdown'));
    socket.on('disconnect', () => order.push('disconnect'));
    await connected(socket);
    expect(await freshRequest(node.url)).toBe(200);

    const inFlight = operator.api.cases.register.mutate(registerInput('в полёте'));
    await new Promise((r) => setTimeout(r, 300));
    const exited = node.stop();
    await new Promise((r) => setTimeout(r, 300));
    await expect(freshRequest(node.url)).rejects.toThrow(/ECONNREFUSED|ECONNRESET/);

    const done = await inFlight;
    expect(done.caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await exited).toBe(0);
    expect(order).toEqual(['case-registered', 'server:shutdown', 'disconnect']);
  });
});
