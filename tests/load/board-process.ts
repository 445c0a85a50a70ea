// Board clients in a process of their own: the harness's command driver must not wait behind a thousand sockets'
// traffic, or its latencies would be its own. The parent (board-pool.ts) sends what to connect and asks for the
// receipts over IPC.
import { type BoardClients, connectBoards, type Follow } from './boards';

export type BoardRequest =
  | { id: number; type: 'connect'; url: string; clients: { organisationId: string; cookie: string }[]; follow: Follow }
  | { id: number; type: 'count' }
  | { id: number; type: 'take' }
  | { id: number; type: 'close' };

let boards: BoardClients | null = null;

async function handle(request: BoardRequest): Promise<unknown> {
  switch (request.type) {
    case 'connect':
      boards = await connectBoards(request.url, request.clients, request.follow);
      return {
        connected: boards.connected,
        failed: boards.failed,
        connectMs: boards.connectMs,
        perOrganisation: [...boards.perOrganisation],
      };
    case 'count':
      return boards?.receiptCount() ?? 0;
    case 'take':
      return { receipts: boards?.takeReceipts() ?? null, refetch: boards?.refetch() ?? null };
    case 'close':
      boards?.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (raw) => {
  const request = raw as BoardRequest;
  handle(request).then(
    (value) => process.send?.({ id: request.id, value }),
    (error: unknown) => process.send?.({ id: request.id, error: String(error) }),
  );
});
// The harness went away: never outlive it.
process.on('disconnect', () => process.exit(1));
