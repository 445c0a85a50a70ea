// Writes docs/configuration.md from the environment schema (apps/server/src/env.ts).
import { writeFileSync } from 'node:fs';
import { renderConfigurationReference } from '../apps/server/src/env-reference';

const target = new URL('../docs/configuration.md', import.meta.url);
writeFileSync(target, renderConfigurationReference());
process.stdout.write(`written: docs/configuration.md\n`);
