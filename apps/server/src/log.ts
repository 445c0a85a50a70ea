// The server's structured log: pino JSON lines on standard error (standard output stays for what a command tells its
// user), level from OTKLIK_LOG_LEVEL, human-readable only when OTKLIK_LOG_PRETTY asks for it.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { readEnv } from './env';

function createLogger(): Logger {
  let level: string = 'info';
  let prettyOutput = false;
  try {
    const env = readEnv();
    level = env.OTKLIK_LOG_LEVEL;
    prettyOutput = env.OTKLIK_LOG_PRETTY;
  } catch {
    // A bad environment is reported by the command that reads it (with the variable's name); logs keep the defaults.
  }
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"warn" rather than 40: readable in journalctl and in any log collector.
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return prettyOutput
    ? pino(options, pretty({ destination: 2, sync: true, colorize: process.stderr.isTTY }))
    : // process.stderr itself (synchronous on Linux for files, terminals and pipes): nothing is lost on a crash, and
      // whatever watches the process's standard error sees every line.
      pino(options, process.stderr);
}

/** The root logger; modules take a child with their component name: `log.child({ component: 'scheduler' })`. */
export const log: Logger = createLogger();
