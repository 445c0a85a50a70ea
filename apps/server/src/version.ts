// The server's version, read once from package.json (shown by /healthz and the CLI).
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const SERVER_VERSION: string = pkg.version;
