/**
 * A small seeded random generator (mulberry32) and the distributions the generator draws from.
 * Seeded, so a tier generated twice is the same data and benchmark runs compare like with like.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** A Poisson-distributed count with the given mean (Knuth for small means, normal beyond). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A version-4 shaped UUID from this generator's stream (not for security: fictional data). */
  uuid(): string {
    let hex = '';
    while (hex.length < 32)
      hex += Math.floor(this.next() * 65536)
        .toString(16)
        .padStart(4, '0');
    const variant = (8 + (Number.parseInt(hex[16]!, 16) & 3)).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** Independent streams from one seed: the same entity gets the same values whatever came before. */
export function derivedSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part & 0xffff), 0x01000193);
    h = Math.imul(h ^ (part >>> 16), 0x01000193);
  }
  return h >>> 0;
}

/** Picks from a list by weight in O(log n): cumulative weights and a binary search. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) {
      sum += w;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  pick(rng: Rng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** Zipf weights by rank (1/rank^s): a few names are very common, most are rare, as in the register. */
export function zipf<T>(items: readonly T[], s = 0.9): Weighted<T> {
  return new Weighted(
    items,
    items.map((_, i) => 1 / (i + 1) ** s),
  );
}

/**
 * An id unique by construction for the n-th row of a kind of record in a municipality: seeded
 * streams per episode are small and can overlap, so the ids of rows derived from episodes are
 * built from their coordinates instead of drawn. Shaped as a version-4 UUID.
 */
export function structuredId(seed: number, municipality: number, kind: number, n: number): string {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  const top = derivedSeed(seed, municipality, kind);
  const high = Math.floor(n / 2 ** 32);
  const low = n >>> 0;
  return `${hex(top, 8)}-${hex(kind & 0xffff, 4)}-4${hex(municipality & 0xfff, 3)}-${hex(0x8000 | (high & 0xfff), 4)}-${hex(high >>> 12, 4)}${hex(low, 8)}`;
}
