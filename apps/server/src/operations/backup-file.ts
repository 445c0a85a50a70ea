// What a backup file is: the embedded database's own dump (a tar archive, usually gzip-compressed, as PGlite's
// dumpDataDir writes it) or a pg_dump archive in its custom format. Told apart by their first bytes.
import { closeSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { MessageLang } from '@otklik/contract';
import { say } from '../cli/messages';

export type BackupKind = 'pglite' | 'postgres';

export function detectBackupKind(file: string, lang: MessageLang): BackupKind | null {
  const head = Buffer.alloc(512);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(say('backup.file-not-found', { file }, lang));
    if (code === 'EISDIR') throw new Error(say('backup.is-directory', { file }, lang));
    throw error;
  }
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      throw new Error(say('backup.is-directory', { file }, lang));
    }
    throw error;
  } finally {
    closeSync(fd);
  }
  if (n >= 5 && head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (n >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite';
  return null;
}

export const describeKind = (kind: BackupKind, lang: MessageLang) => say('backup.kind', { kind }, lang);

/** Writes through a temporary file and a rename: an interrupted backup never leaves a half file under the name. */
export function writeFileAtomically(file: string, data: Uint8Array): void {
  const partial = `${file}.partial-${process.pid}`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
