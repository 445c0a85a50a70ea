// The access area's public surface: who sees which case, who takes part in it, and the password rule.
export * from './password-policy';
export * from './visibility';
