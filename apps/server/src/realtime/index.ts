// The realtime layer's public surface on the server (the web app imports only events.ts and client-sync.ts).

export type * from '@otklik/contract';
export { type ChangeSync, createChangeSync, type SequencedChange } from './client-sync';
export { type RealtimeNode, startRealtimeNode } from './node';
export { attachRealtime, type Io, type Realtime, type RealtimeOptions } from './server';
export { type RealtimeServices, type RealtimeServicesOptions, startRealtimeServices } from './services';
