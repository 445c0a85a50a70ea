// The workflow area's public surface: commands (zod), events, state, and the decider.

export { allowedCommands } from './allowed';
export * from './channel';
export * from './commands';
export { decide } from './decide';
export type * from './events';
export { evolve, replay } from './evolve';
export { COMMAND_ROLES } from './permissions';
export { composerOf, contributionsComplete, initialState, isOpen } from './state';
export * from './types';
