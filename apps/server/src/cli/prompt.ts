// Questions on a terminal for interactive commands (`otklik init`): a line with an optional default, and a secret
// typed without echo. Only used when standard input is a terminal; scripts pass flags instead.
import { createInterface } from 'node:readline/promises';
import { say } from './messages';

export const isInteractive = (): boolean => process.stdin.isTTY === true;

export async function ask(question: string, fallback?: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(fallback ? `${question} [${fallback}]: ` : `${question}: `)).trim();
    return answer === '' && fallback !== undefined ? fallback : answer;
  } finally {
    rl.close();
  }
}

/** Reads a line with the terminal's echo off; Ctrl-C aborts the command. */
export function askSecret(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(`${question}: `);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003') return finish(new Error(say('prompt.interrupted', {})));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

/** All of standard input (a password piped in by a script), without the final line break. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
