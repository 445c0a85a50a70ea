// A value a test block makes in its beforeAll, handed out before it exists: the block's tests and later hooks read
// its fields through `view` once it is made; reading it earlier is a plain error rather than an undefined.
export function madeLater<T extends object>(
  what: string,
): {
  readonly view: T;
  set(value: T): void;
  /** The value if it was made (an afterAll cleans up only what exists). */
  peek(): T | undefined;
} {
  let made: T | undefined;
  const view = new Proxy({} as T, {
    get(_target, key) {
      if (made === undefined) throw new Error(`${what} is not ready (used before beforeAll ran?)`);
      return Reflect.get(made, key);
    },
  });
  return {
    view,
    set(value) {
      made = value;
    },
    peek: () => made,
  };
}
