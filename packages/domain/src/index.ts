// Public surface of @otklik/domain: pure rules shared by the server, the CLI and the browser.
// Each area adds its own export lines in its own block below.

// calendar
export * from './calendar/types';
export { parseProfile } from './profiles/parse';
// profiles
export * from './profiles/schema';
// sla
export type * from './sla/types';
// workflow
export * from './workflow/commands';
export type * from './workflow/events';
export * from './workflow/types';

// reports
