// The `otklik` command line: dispatches to one module per command, loaded lazily so that
// `otklik deadline` starts without touching the database or the web server. A new command is one module in
// ./commands (exporting `help` and `run(argv)`, parsing its flags with ./args) and one line below.

import { commandLineLanguage } from '../env';

interface CommandModule {
  run(argv: string[]): Promise<number>;
  help: string;
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  init: { summary: 'create an organisation and its first administrator', load: () => import('./commands/init') },
  deadline: { summary: 'compute a deadline in working time', load: () => import('./commands/deadline') },
  replay: {
    summary: 'play a case scenario against a regulation (the sandbox, no database)',
    load: () => import('./commands/replay'),
  },
  serve: { summary: 'serve the web app and the API on one port', load: () => import('./commands/serve') },
  migrate: { summary: 'apply the database migrations', load: () => import('./commands/migrate') },
  import: { summary: 'import messages from a JSON or CSV file', load: () => import('./commands/import') },
  'seed-demo': { summary: 're-create the demo organisations and cases', load: () => import('./commands/seed-demo') },
  report: { summary: 'the monthly summary of an organisation (CSV or JSON)', load: () => import('./commands/report') },
  config: { summary: 'print the effective configuration, secrets masked', load: () => import('./commands/config') },
  backup: { summary: 'write a backup of the database to a file', load: () => import('./commands/backup') },
  restore: {
    summary: 'restore a backup (refuses a non-empty database without --force)',
    load: () => import('./commands/restore'),
  },
  calendar: {
    summary: 'import the production calendar from the open-data CSV (calendar import <file>), list years',
    load: () => import('./commands/calendar'),
  },
  'move-to-postgres': {
    summary: 'copy the embedded database into a PostgreSQL server, verified',
    load: () => import('./commands/move-to-postgres'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: otklik <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `otklik <command> --help` for the options of a command.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  // The language every message is worded in: a value other than ru or en is refused before anything runs.
  const language = commandLineLanguage();
  if (!language.ok) {
    process.stderr.write(`otklik: OTKLIK_LANG: ожидается ru или en, а не «${language.value}»\n`);
    return 2;
  }
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const { say } = await import('./messages');
    process.stderr.write(
      `otklik: ${say('usage.unknown-command', { name, known: Object.keys(COMMANDS).join(', ') })}\n`,
    );
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    // Loaded only here, as the commands are: a catalogued error is printed in the CLI's language from its catalogue.
    const { cliErrorText } = await import('./error-text');
    process.stderr.write(`otklik: ${cliErrorText(error)}\n`);
    process.exitCode = 1;
  },
);
