// The profiles area's public surface: schema, parser and the five presets.
export * from './messages';
export { type ParseProfileOptions, parseProfile, profileIssueOf } from './parse';
export { pinModel } from './pin';
export { getPreset, PRESET_IDS, PRESETS, type PresetId } from './presets';
export * from './schema';
