// The regulation sandbox (`otklik replay`): a scenario played through the real decider, without a database.
export { type InstantProblem, readIsoInstant } from './instant';
export { instantProblemText, type SandboxMessageKey, sandboxText } from './messages';
export { type BreachLine, type ClockLine, SANDBOX_SUPERVISION, Sandbox, type SandboxReport } from './run';
export { type ScenarioHeader, type ScenarioLine, zScenarioHeader, zScenarioLine } from './scenario';
