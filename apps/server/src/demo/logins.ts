// The demo accounts as text: printed by `otklik serve` and `otklik seed-demo`, and kept in DEMO-LOGINS.md.
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, demoPeople } from './roster';

export function demoLoginsText(): string {
  const lines = [`Демо-входы (пароль «${DEMO_PASSWORD}») / demo logins (password "${DEMO_PASSWORD}"):`];
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
