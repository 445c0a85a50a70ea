// Compile-time checks that a zod schema and the domain type it mirrors describe the same values: a schema
// written beside a domain type fails the typecheck when the two drift. Types only; nothing here runs.

/** The members of a union by their `type`. */
type ByType<E extends { type: string }> = { [T in E['type']]: Extract<E, { type: T }> };
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type AllTrue<T> = false extends T[keyof T] ? false : true;

/** A and B name the same keys at every depth (arrays compared by their items; a union by the keys all its members
 *  have). Assignability alone would let an optional field present on one side only pass. */
type SameKeysDeep<A, B> = [A] extends [readonly (infer X)[]]
  ? [B] extends [readonly (infer Y)[]]
    ? SameKeysDeep<X, Y>
    : false
  : [A] extends [object]
    ? [B] extends [object]
      ? SameKeys<A, B> extends true
        ? AllTrue<{ [K in keyof A & keyof B]-?: SameKeysDeep<NonNullable<A[K]>, NonNullable<B[K]>> }>
        : false
      : false
    : true;

/** A and B are assignable both ways and name the same keys at every depth. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? SameKeysDeep<A, B> : false) : false;

/** As `Same`, for unions discriminated by `type`: each member compared with the other side's of the same type. */
export type SameUnion<A extends { type: string }, B extends { type: string }> = [A] extends [B]
  ? [B] extends [A]
    ? SameKeysDeep<ByType<A>, ByType<B>>
    : false
  : false;

export type Assert<T extends true> = T;
