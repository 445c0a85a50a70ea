// Refused input, told the same way by every caller.
export { describeIssues, firstInputIssue, type InputIssue, inputIssues } from './issues';
export {
  isValidationMessageKey,
  VALIDATION_MESSAGE_KEYS,
  VALIDATION_MESSAGES,
  type ValidationIssue,
  type ValidationLang,
  type ValidationMessageKey,
  validationIssue,
  validationText,
} from './messages';
