// The wire contract of Otklik (ARCHITECTURE.md "packages/contract"): the socket.io event maps that parameterise the
// server's Server<…> and the clients' Socket<…>, the zod schemas each side validates payloads with on receipt, and
// the client's side of the protocol (change-sync, server clock), which the web app and the tests both run.
export * from './audit-actions';
export * from './case-clocks';
export * from './case-events';
export * from './client-sync';
export * from './notification-messages';
export * from './profile-messages';
export * from './realtime-events';
export type { Assert, Same, SameUnion } from './same-shape';
export * from './server-clock';
export * from './server-messages';
export * from './validation-messages';
