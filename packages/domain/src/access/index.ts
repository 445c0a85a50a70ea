// The access area's public surface: which areas each role works in, who sees which case, who takes part in it, and
// the password rule.
export * from './areas';
export * from './password-policy';
export * from './visibility';
