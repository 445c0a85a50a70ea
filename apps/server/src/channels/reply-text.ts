// What a reply sends as text on every network: the answer, then each attached public link on its own line (files
// kept by Otklik go as uploads where a connector can upload them, and are refused where it cannot).
import { ChannelError } from './errors';
import type { Reply } from './types';

/** The reply's text followed by its public links (never a stored file's internal URL). */
export function replyTextWithLinks(reply: Reply): string {
  const links = reply.attachments.filter((a) => !a.content && /^https?:\/\//i.test(a.url)).map((a) => a.url);
  return [reply.text, ...links].join('\n');
}

/** For a network this version cannot upload files to: refused clearly rather than dropped. */
export function refuseStoredFiles(reply: Reply, network: string): void {
  if (reply.attachments.some((a) => a.content)) {
    throw new ChannelError('files-not-uploaded', network);
  }
}

/** Runs a call of a network's client, its failures in the connector's own ChannelError terms. */
export function withChannelErrors(toError: (error: unknown) => ChannelError) {
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw toError(error);
    }
  };
}
