// VK events (the same objects arrive through the Bots Long Poll API and the Callback API) as collected items:
// wall_reply_new/edit/delete for public comments, message_new/message_edit for private messages.
import { z } from 'zod';
import type { CollectedAttachment, CollectedItem } from '../types';

const zAttachment = z.object({
  type: z.string(),
  photo: z
    .object({ sizes: z.array(z.object({ url: z.string(), width: z.number().optional() })).default([]) })
    .optional(),
  doc: z.object({ url: z.string(), title: z.string().optional() }).optional(),
  video: z.object({ owner_id: z.number(), id: z.number(), title: z.string().optional() }).optional(),
});
const zComment = z.object({
  id: z.number(),
  from_id: z.number(),
  date: z.number(),
  text: z.string().default(''),
  post_id: z.number(),
  owner_id: z.number(),
  attachments: z.array(zAttachment).default([]),
});
const zMessage = z.object({
  id: z.number(),
  date: z.number(),
  peer_id: z.number(),
  from_id: z.number(),
  text: z.string().default(''),
  attachments: z.array(zAttachment).default([]),
  update_time: z.number().optional(),
});

export const zVkUpdate = z.discriminatedUnion('type', [
  z.object({ type: z.literal('wall_reply_new'), object: zComment }),
  z.object({ type: z.literal('wall_reply_edit'), object: zComment }),
  z.object({
    type: z.literal('wall_reply_delete'),
    object: z.object({ owner_id: z.number(), id: z.number() }),
  }),
  z.object({ type: z.literal('message_new'), object: z.object({ message: zMessage }) }),
  z.object({ type: z.literal('message_edit'), object: zMessage }),
]);
export type VkUpdate = z.infer<typeof zVkUpdate>;

export const vkCommentId = (ownerId: number, id: number) => `wall${ownerId}_c${id}`;
export const vkMessageId = (groupId: number, id: number) => `gim${groupId}_m${id}`;

function attachments(list: readonly z.infer<typeof zAttachment>[]): CollectedAttachment[] {
  return list.flatMap((a): CollectedAttachment[] => {
    if (a.type === 'photo' && a.photo) {
      const largest = [...a.photo.sizes].sort((x, y) => (y.width ?? 0) - (x.width ?? 0))[0];
      return largest ? [{ kind: 'photo', url: largest.url }] : [];
    }
    if (a.type === 'doc' && a.doc)
      return [{ kind: 'document', url: a.doc.url, ...(a.doc.title ? { name: a.doc.title } : {}) }];
    if (a.type === 'video' && a.video) {
      return [{ kind: 'video', url: `https://vk.com/video${a.video.owner_id}_${a.video.id}` }];
    }
    return [];
  });
}

const author = (fromId: number) =>
  fromId > 0
    ? { name: `id${fromId}`, profileUrl: `https://vk.com/id${fromId}` }
    : { name: `club${-fromId}`, profileUrl: `https://vk.com/club${-fromId}` };

/** A new wall comment or community message: where it stands, then what both kinds carry alike. */
function newItem(
  posted: Pick<z.infer<typeof zMessage>, 'from_id' | 'date' | 'text' | 'attachments'>,
  where: Pick<Extract<CollectedItem, { type: 'new' }>, 'externalId' | 'thread' | 'url' | 'visibility'>,
): CollectedItem {
  return {
    type: 'new',
    ...where,
    author: author(posted.from_id),
    text: posted.text,
    postedAt: posted.date * 1000,
    attachments: attachments(posted.attachments),
  };
}

/** Our own replies (from the community) are not citizens' messages and are skipped. */
export function vkUpdatesToItems(updates: readonly VkUpdate[], groupId: number): CollectedItem[] {
  const own = -groupId;
  return updates.flatMap((u): CollectedItem[] => {
    switch (u.type) {
      case 'wall_reply_new': {
        const c = u.object;
        if (c.from_id === own) return [];
        return [
          newItem(c, {
            externalId: vkCommentId(c.owner_id, c.id),
            thread: { kind: 'vk-wall-comment', ownerId: c.owner_id, postId: c.post_id, commentId: c.id },
            url: `https://vk.com/wall${c.owner_id}_${c.post_id}?reply=${c.id}`,
            visibility: 'public',
          }),
        ];
      }
      case 'wall_reply_edit':
        return u.object.from_id === own
          ? []
          : [{ type: 'edit', externalId: vkCommentId(u.object.owner_id, u.object.id), text: u.object.text }];
      case 'wall_reply_delete':
        return [{ type: 'delete', externalId: vkCommentId(u.object.owner_id, u.object.id) }];
      case 'message_new': {
        const m = u.object.message;
        if (m.from_id === own || m.from_id <= 0) return [];
        return [
          newItem(m, {
            externalId: vkMessageId(groupId, m.id),
            thread: { kind: 'vk-message', peerId: m.peer_id, messageId: m.id },
            url: `https://vk.com/gim${groupId}?sel=${m.peer_id}&msgid=${m.id}`,
            visibility: 'private',
          }),
        ];
      }
      case 'message_edit':
        return u.object.from_id === own
          ? []
          : [
              {
                type: 'edit',
                externalId: vkMessageId(groupId, u.object.id),
                text: u.object.text,
                ...(u.object.update_time ? { editedAt: u.object.update_time * 1000 } : {}),
              },
            ];
      default:
        return [];
    }
  });
}
