// The profiles area's public surface: schema, parser and the five presets.
export {
  isProfileIssueKey,
  PROFILE_ISSUE_KEYS,
  PROFILE_ISSUES,
  type ProfileIssue,
  type ProfileIssueKey,
  type ProfileIssueParams,
  type ProfileLang,
  type ProfileText,
  profileIssueText,
  profileTextIn,
} from './messages';
export { type ParseProfileOptions, parseProfile, profileIssueOf } from './parse';
export { pinModel } from './pin';
export { getPreset, PRESET_IDS, PRESETS, type PresetId } from './presets';
export * from './schema';
