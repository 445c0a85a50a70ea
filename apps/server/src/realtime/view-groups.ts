// Each receiver's own sequence (issue 16). The people of an organisation connected to this node fall into view
// groups: those with the same audiences see the same cases in the same form. A change goes to each group that may see
// its case with the seq of the last change sent to that group as its `prevSeq`, so a gap a receiver sees is a change
// it missed, not a change of a case it may not see. A group starts from the organisation's last change sent when it
// was formed: its receivers read their start (`hello`, a snapshot) after joining, so they hold everything up to it.
import type { Audience } from '@otklik/domain';

export interface ViewRoute {
  /** The group's room (`view:` + organisation + its audiences). */
  readonly room: string;
  /** Participants get the whole event, readers the event without the appeal's personal data. */
  readonly kind: 'staff' | 'reader';
  readonly prevSeq: number;
}

interface ViewGroup {
  readonly room: string;
  readonly audiences: ReadonlySet<string>;
  sockets: number;
  lastSeq: number | null;
}

export interface ViewGroups {
  /** A socket with these audiences connected: the room it joins. */
  join(organisationId: string, audiences: readonly Audience[]): string;
  /** That socket left; a group with no sockets is forgotten. */
  leave(organisationId: string, audiences: readonly Audience[]): void;
  /** Where one committed change of a case goes: each group that meets the case's audiences, with the previous seq
   *  sent to it. Called for every change of the organisation in seq order (a case nobody may see: no audiences);
   *  advances the groups it names. */
  route(
    organisationId: string,
    change: { readonly seq: number; readonly orgPrevSeq: number },
    audiences: { readonly participants: readonly Audience[]; readonly readers: readonly Audience[] },
  ): ViewRoute[];
  /** Changes of the organisation up to `seq` went by with no socket of it connected here: nothing is routed, but a
   *  group formed later starts after them (what `route` of each would leave, without the per-change work). */
  passed(organisationId: string, seq: number): void;
  /** Whether any socket of the organisation is connected here. */
  has(organisationId: string): boolean;
  /** Changes of the organisation may have passed this node unsent: each group's next change carries the
   *  organisation's previous seq, so its receivers catch up from the log. */
  restart(organisationId: string): void;
}

const keyOf = (audiences: readonly Audience[]) => [...new Set(audiences)].sort().join(' ');

export function createViewGroups(): ViewGroups {
  const byOrg = new Map<string, Map<string, ViewGroup>>();
  // The last change routed per organisation: where a group formed now starts.
  const lastRouted = new Map<string, number>();
  return {
    join(organisationId, audiences) {
      const key = keyOf(audiences);
      const groups = byOrg.get(organisationId) ?? new Map<string, ViewGroup>();
      byOrg.set(organisationId, groups);
      let group = groups.get(key);
      if (!group) {
        group = {
          room: `view:${organisationId}:${key}`,
          audiences: new Set(audiences),
          sockets: 0,
          lastSeq: lastRouted.get(organisationId) ?? null,
        };
        groups.set(key, group);
      }
      group.sockets += 1;
      return group.room;
    },
    leave(organisationId, audiences) {
      const groups = byOrg.get(organisationId);
      const key = keyOf(audiences);
      const group = groups?.get(key);
      if (!groups || !group) return;
      group.sockets -= 1;
      if (group.sockets > 0) return;
      groups.delete(key);
      if (groups.size === 0) byOrg.delete(organisationId);
    },
    route(organisationId, change, { participants, readers }) {
      lastRouted.set(organisationId, change.seq);
      const out: ViewRoute[] = [];
      for (const group of byOrg.get(organisationId)?.values() ?? []) {
        const kind = participants.some((a) => group.audiences.has(a))
          ? 'staff'
          : readers.some((a) => group.audiences.has(a))
            ? 'reader'
            : null;
        if (!kind) continue;
        out.push({ room: group.room, kind, prevSeq: group.lastSeq ?? change.orgPrevSeq });
        group.lastSeq = change.seq;
      }
      return out;
    },
    passed(organisationId, seq) {
      lastRouted.set(organisationId, seq);
    },
    has(organisationId) {
      return byOrg.has(organisationId);
    },
    restart(organisationId) {
      for (const group of byOrg.get(organisationId)?.values() ?? []) group.lastSeq = null;
    },
  };
}
