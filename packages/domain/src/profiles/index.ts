// The profiles area's public surface: schema, parser and the five presets.
export { parseProfile } from './parse';
export * from './schema';
