// The realtime layer's public surface on the server (the client side of the wire, change-sync included, is @otklik/contract).

export type * from '@otklik/contract';
export { type RealtimeNode, startRealtimeNode } from './node';
export { attachRealtime, type Io, type Realtime, type RealtimeOptions } from './server';
export { type RealtimeServices, type RealtimeServicesOptions, startRealtimeServices } from './services';
