// Deterministic keys and randomness for the scale data: the same seed gives the same rows on every
// machine, without the cost of a SHA-1 (uuid v5) per row.

/** A 32-bit hash of a string (FNV-1a), to turn a record kind into a number once. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3's finalizer: a well-mixed 32-bit value of its input. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const hex8 = (x: number) => x.toString(16).padStart(8, '0');

/**
 * A UUID for record `n` (and its part `sub`) of `kind` under `seed` — RFC 9562 version 8 (custom),
 * so it can never collide with a v4/v5 the services or the demo write.
 */
export function scaleUuid(seed: number, kind: number, n: number, sub = 0): string {
  const base = mix(seed ^ mix(kind ^ mix(n ^ mix(sub + 0x9e3779b9))));
  const h = hex8(mix(base ^ 0x243f6a88)) + hex8(mix(base ^ 0x85a308d3));
  // The counter's bits keep it unique (n < 2^32, sub < 2^16): a hash alone could collide at 10^7 rows.
  const tail = (n >>> 0).toString(16).padStart(8, '0') + (sub & 0xffff).toString(16).padStart(4, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${'89ab'[base & 3]}${h.slice(1, 4)}-${tail}`;
}

/** A fast seeded PRNG (mulberry32) for one dispute's choices: `rng(seed, n)` is independent of every other n. */
export function rngFor(seed: number, n: number): () => number {
  let a = mix(seed ^ mix(n + 0x6d2b79f5));
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `items[i]` with probability `weights[i] / sum`. */
export function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}
