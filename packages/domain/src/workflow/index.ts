// The workflow area's public surface: commands (zod), events, state, and the decider.
export * from './commands';
export type * from './events';
export * from './types';
