// The reply text every connector sends, and the refusal of stored files where a network cannot take uploads.
import { describe, expect, it } from 'vitest';
import { ChannelError } from './errors';
import { refuseStoredFiles, replyTextWithLinks, withChannelErrors } from './reply-text';
import type { Reply } from './types';

const stored = { bytes: new Uint8Array([1]), contentType: 'image/png', fileName: 'яма.png' };
const reply = (attachments: Reply['attachments']): Reply => ({ requestId: 'r1', text: 'Яму заделают', attachments });

describe('replyTextWithLinks', () => {
  it('puts each public link on its own line after the text, and never a stored file or a non-web address', () => {
    const text = replyTextWithLinks(
      reply([
        { kind: 'link', url: 'https://adm.example.ru/plan' },
        { kind: 'photo', url: '/files/1', content: stored },
        { kind: 'link', url: 'ftp://adm.example.ru/x' },
        { kind: 'link', url: 'HTTP://adm.example.ru/b' },
      ]),
    );
    expect(text).toBe('Яму заделают\nhttps://adm.example.ru/plan\nHTTP://adm.example.ru/b');
  });
});

describe('refuseStoredFiles', () => {
  it('lets links through and refuses a stored file, naming the network', () => {
    expect(() => refuseStoredFiles(reply([{ kind: 'link', url: 'https://a.ru' }]), 'OK')).not.toThrow();
    const refused = (() => {
      try {
        refuseStoredFiles(reply([{ kind: 'photo', url: '/files/1', content: stored }]), 'MAX');
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ChannelError);
    expect(refused).toMatchObject({
      code: 'files-not-uploaded',
      retryable: false,
      said: { key: 'channel.failed', params: { code: 'files-not-uploaded', detail: 'MAX' } },
    });
  });
});

describe('withChannelErrors', () => {
  it('passes results through and maps failures with the connector’s mapper', async () => {
    const wrap = withChannelErrors((error) => new ChannelError('server', String(error)));
    await expect(wrap(async () => 7)).resolves.toBe(7);
    await expect(
      wrap(async () => {
        throw new Error('boom');
      }),
    ).rejects.toMatchObject({ code: 'server', detail: 'Error: boom' });
  });
});
