// Presence on a case: who is viewing it and who is typing, gathered from the sockets in the case room on every
// node (fetchSockets goes through the adapter), and sent to the room whenever it changes.

import type { PresenceViewer } from '@otklik/contract';
import { caseRoom } from './rooms';
import type { Io } from './server';

/** A typing mark not renewed within this time is dropped (clients renew it every 4 s while typing). */
export const TYPING_EXPIRES_MS = 10_000;

export async function presenceOf(io: Io, caseId: string): Promise<PresenceViewer[]> {
  const sockets = await io.in(caseRoom(caseId)).fetchSockets();
  const byPerson = new Map<string, PresenceViewer>();
  for (const s of sockets) {
    const who = s.data.who;
    if (who?.kind !== 'person') continue;
    const typing = s.data.typing.includes(caseId);
    const seen = byPerson.get(who.personId);
    // The same person in two tabs is one viewer, typing if either tab types.
    byPerson.set(who.personId, { personId: who.personId, fullName: who.fullName, typing: typing || !!seen?.typing });
  }
  return [...byPerson.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));
}

export async function broadcastPresence(io: Io, caseId: string): Promise<void> {
  io.to(caseRoom(caseId)).emit('presence:state', { caseId, viewers: await presenceOf(io, caseId) });
}
