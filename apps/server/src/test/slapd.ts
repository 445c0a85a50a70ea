// Test helper: Debian's OpenLDAP server (slapd) on a free port of 127.0.0.1 with a temporary configuration and
// database, filled with the given people; stopped (and its files removed) by `stop()`.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export const SLAPD = '/usr/sbin/slapd';
export const hasSlapd = existsSync(SLAPD) && existsSync('/usr/sbin/slapadd');

export interface LdapPerson {
  uid: string;
  cn: string;
  mail?: string;
  password: string;
}

export interface Slapd {
  readonly url: string;
  readonly baseDn: string;
  readonly adminDn: string;
  readonly adminPassword: string;
  stop(): Promise<void>;
}

export async function startSlapd(people: readonly LdapPerson[]): Promise<Slapd> {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-slapd-'));
  const baseDn = 'dc=otklik,dc=test';
  const adminDn = `cn=admin,${baseDn}`;
  const adminPassword = 'admin-secret';
  mkdirSync(join(dir, 'db'));
  const conf = join(dir, 'slapd.conf');
  writeFileSync(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/nis.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      `pidfile ${join(dir, 'slapd.pid')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'database mdb',
      `suffix "${baseDn}"`,
      `rootdn "${adminDn}"`,
      `rootpw ${adminPassword}`,
      `directory ${join(dir, 'db')}`,
      'maxsize 10485760',
      // Anyone may bind; a bound user may read the tree (what a directory lets an application's service account do).
      'access to attrs=userPassword by anonymous auth by self write by * none',
      'access to * by users read by anonymous auth',
      '',
    ].join('\n'),
  );
  const ldif = [
    `dn: ${baseDn}\nobjectClass: dcObject\nobjectClass: organization\no: Otklik test\ndc: otklik\n`,
    `dn: ou=people,${baseDn}\nobjectClass: organizationalUnit\nou: people\n`,
    ...people.map(
      (p) =>
        `dn: uid=${p.uid},ou=people,${baseDn}\nobjectClass: inetOrgPerson\nuid: ${p.uid}\ncn: ${p.cn}\nsn: ${p.cn}\n` +
        (p.mail ? `mail: ${p.mail}\n` : '') +
        `userPassword: ${p.password}\n`,
    ),
  ].join('\n');
  const ldifFile = join(dir, 'data.ldif');
  writeFileSync(ldifFile, ldif);
  execFileSync('/usr/sbin/slapadd', ['-f', conf, '-l', ldifFile], { stdio: 'pipe' });
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  // -d 0: stay in the foreground (no daemon), so the process is ours to stop.
  const proc: ChildProcess = spawn(SLAPD, ['-f', conf, '-h', `${url}/`, '-d', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  // Ready when the port accepts connections.
  const until = Date.now() + 20_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`slapd exited: ${stderr}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    if (Date.now() > until) {
      proc.kill('SIGKILL');
      throw new Error(`slapd did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    baseDn,
    adminDn,
    adminPassword,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
