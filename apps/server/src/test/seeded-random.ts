// A repeatable stream of numbers in [0, 1) for tests that generate data: the same seed gives the same cases, so a
// failure seen once is seen again.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1_103_515_245 + 12_345) >>> 0;
    return a / 2 ** 32;
  };
}
