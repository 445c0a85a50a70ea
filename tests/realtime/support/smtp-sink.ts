// A minimal SMTP server for the e-mail tests: accepts every message (no TLS, no auth) and keeps the envelope and
// data, or answers DATA with a chosen reply (a temporary 451 or a permanent 550) to test retries and refusals.
import { createServer, type Server, type Socket } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
  /** The Message-ID header of the letter. */
  messageId: string;
}

export interface SmtpSinkOptions {
  /**
   * The reply to a letter's DATA, by the number of letters offered so far (0-based); default "250 queued";
   * null: never answer (a server that hangs mid-send).
   */
  replyToData?: (offered: number, mail: ReceivedMail) => string | null;
  /** Listen on this port (default: a free one). */
  port?: number;
}

export interface SmtpSink {
  readonly port: number;
  /** Letters accepted (a 250 reply). */
  readonly mails: ReceivedMail[];
  /** Every letter offered, accepted or not. */
  readonly offered: ReceivedMail[];
  close(): Promise<void>;
}

/** Unfolds and decodes the header (RFC 2047 encoded words) and the quoted-printable or base64 body of a letter. */
export function decodeMail(data: string): { headers: Record<string, string>; body: string } {
  const [head = '', ...rest] = data.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const words = (s: string) =>
    s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
  for (const key of Object.keys(headers)) headers[key] = words(headers[key]!);
  let body = rest.join('\r\n\r\n');
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  if (encoding === 'quoted-printable') {
    body = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return { headers, body: body.replace(/\r\n/g, '\n') };
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const offered: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    let buffer = '';
    let mail: ReceivedMail = { from: '', to: [], data: '', messageId: '' };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mail.data = buffer.slice(0, end);
          mail.messageId = /^Message-ID:\s*(\S+)/im.exec(mail.data)?.[1] ?? '';
          buffer = buffer.slice(end + 5);
          inData = false;
          const answer = options.replyToData ? options.replyToData(offered.length, mail) : '250 queued';
          offered.push(mail);
          if (answer?.startsWith('250')) mails.push(mail);
          mail = { from: '', to: [], data: '', messageId: '' };
          if (answer !== null) reply(answer);
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 sink');
        else if (verb === 'MAIL') {
          mail.from = line.slice(10).trim();
          reply('250 ok');
        } else if (verb === 'RCPT') {
          mail.to.push(line.slice(8).trim());
          reply('250 ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 go ahead');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('250 ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    mails,
    offered,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
