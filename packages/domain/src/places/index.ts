// The organisation's place directory: settlements and districts, and what of a location the wall may show.
export * from './wall-place';
