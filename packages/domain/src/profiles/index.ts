// The profiles area's public surface: schema, parser and the five presets.
export { parseProfile } from './parse';
export { getPreset, PRESET_IDS, PRESETS, type PresetId } from './presets';
export * from './schema';
