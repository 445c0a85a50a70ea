// Public surface of @otklik/domain: pure rules shared by the server, the CLI and the browser.
// Each area adds its own export lines in its own block below.

// access
export * from './access';
// calendar
export * from './calendar';

// places
export * from './places';
// profiles
export * from './profiles';
// reports
export * from './reports';
// sandbox
export * from './sandbox';
// sla
export * from './sla';
// validation
export * from './validation';
// workflow
export * from './workflow';
