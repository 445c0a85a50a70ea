// The commands a scenario line may `do`, in the order `otklik replay --help` lists them: the scenario's schema and the
// message that refuses an unknown one both read this list.
export const SCENARIO_COMMANDS = [
  'register',
  'triage',
  'route',
  'return',
  'reroute',
  'move',
  'part',
  'forward',
  'draft',
  'revise-request',
  'approve',
  'publish',
  'recategorise',
  'reject',
  'close',
] as const;
