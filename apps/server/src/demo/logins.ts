// The demo accounts as text, in the CLI's language (OTKLIK_LANG): printed by `otklik serve` and `otklik seed-demo`
// (DEMO-LOGINS.md lists the same accounts).
import { say } from '../cli/messages';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, demoPeople } from './roster';

export function demoLoginsText(): string {
  const lines = [say('demo.logins', { password: DEMO_PASSWORD })];
  DEMO_ORGANISATIONS.forEach((org, i) => {
    lines.push(`  ${org.name} [${org.profileId}]:`);
    lines.push(
      `    ${demoPeople(i)
        .map((p) => `${p.login} (${p.roles.join('/')})`)
        .join(', ')}`,
    );
  });
  return lines.join('\n');
}
