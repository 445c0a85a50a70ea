// The wire contract of Otklik (ARCHITECTURE.md "packages/contract"): the socket.io event maps that parameterise the
// server's Server<…> and the clients' Socket<…>, and the zod schemas each side validates payloads with on receipt.
export * from './realtime-events';
export * from './server-clock';
export * from './validation-messages';
