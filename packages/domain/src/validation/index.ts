// Refused input, told the same way by every caller.
export { describeIssues, firstInputIssue, type InputIssue, inputIssues } from './issues';
export * from './messages';
