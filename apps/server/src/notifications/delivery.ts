// Delivers notifications of committed case events: stores them in each person's feed, pushes them live to the
// person's sockets with the new unread count, and emails a copy when SMTP is configured.
import { eq, inArray } from 'drizzle-orm';
import { organisations, people } from '../db/schema';
import type { ServerDeps } from '../deps';
import type { CommittedEvent } from '../events-bus';
import type { Mailer } from './delivery-email';
import { insertNotifications } from './delivery-feed';
import { announceNotifications, type LivePush, setLivePush } from './delivery-live';
import { notificationsFor } from './delivery-rules';

export interface Delivery {
  /** Resolves when every notification of the batch is stored and pushed (tests and shutdown wait on it). */
  deliver(committed: readonly CommittedEvent[]): Promise<void>;
  /** Settles when every delivery started so far has finished. */
  idle(): Promise<void>;
  /** No more live pushes (shutdown). */
  stop(): void;
}

export function createDelivery(options: { deps: ServerDeps; live: LivePush; mailer: Mailer | null }): Delivery {
  const { deps, live, mailer } = options;
  setLivePush(deps, live);
  const running = new Set<Promise<void>>();

  const run = async (committed: readonly CommittedEvent[]) => {
    const first = committed[0];
    if (!first) return;
    const [org] = await deps.db
      .select({ timeZone: organisations.timeZone })
      .from(organisations)
      .where(eq(organisations.id, first.organisationId));
    const wanted = await notificationsFor(deps.db, committed, org?.timeZone ?? 'Europe/Moscow');
    const stored = await insertNotifications(deps.db, wanted, deps.now());
    // Rows come back in the order they were given.
    await announceNotifications(
      deps,
      stored.flatMap((notification, i) => {
        const personId = wanted[i]?.personId;
        return personId ? [{ personId, notification }] : [];
      }),
    );
    if (mailer && wanted.length > 0) {
      const ids = [...new Set(wanted.map((w) => w.personId))];
      const emails = await deps.db
        .select({ id: people.id, email: people.email })
        .from(people)
        .where(inArray(people.id, ids));
      const emailOf = new Map(emails.map((e) => [e.id, e.email]));
      for (const w of wanted) {
        const to = emailOf.get(w.personId);
        if (!to) continue;
        mailer.send({ to, subject: w.title, text: w.body || w.title }).catch((error: unknown) => {
          process.stderr.write(`email to ${to} failed: ${String(error)}\n`);
        });
      }
    }
  };

  return {
    deliver(committed) {
      const p = run(committed).catch((error: unknown) => {
        process.stderr.write(`notification delivery failed: ${String(error)}\n`);
      });
      running.add(p);
      void p.finally(() => running.delete(p));
      return p;
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
    stop() {
      setLivePush(deps, null);
    },
  };
}
