/**
 * The perturbation table of the cell-key method (docs/statistics.md, Protection): for an original
 * count n and a cell key k (0–255, the sum of the counted children's record keys mod 256) the
 * change d that is added to n before publication.
 *
 * Construction (the maximum-entropy method of Giessing 2016, as in the `ptable` R package of
 * sdcTools, vignette by T. Enderle): for each n the changes d ∈ {−min(n, D) … D} get the
 * probabilities of largest entropy with Σp = 1, mean Σp·d = 0 and variance Σp·d² = V. That
 * distribution is p(d) ∝ exp(λ₁d + λ₂d²); λ is found by Newton's method on the (convex) dual.
 * n = 0 keeps d = 0 (a true zero is published as zero), and no n + d is negative. Every n ≥ D has
 * the whole support −D … D and therefore the same, symmetric distribution: the table holds rows
 * 0 … CUTOFF and reuses the last row above it.
 *
 * The probabilities are then laid end to end on [0, 1) in 256 slots, one per cell key: each
 * change gets a whole number of slots (largest remainders), adjusted so that Σ slots·d = 0 holds
 * exactly, so every row is exactly unbiased over the (uniformly distributed) cell keys. Slot k
 * belongs to the change whose stretch of slots contains it, smallest change first.
 *
 * The table is a pure function of (D, V, CUTOFF), built once per process; `ptableVersion` names the
 * method and its parameters, and the unit test pins the slots of the default table, so any change
 * to the published table shows up in review and must come with a new version.
 */
export const KEY_SLOTS = 256;

/** Rows 0 … CUTOFF are kept; counts above it use the last row (identical for every n ≥ D anyway). */
export const PTABLE_CUTOFF = 10;

/** Bump when the construction changes: a different table must never carry an old name. */
const METHOD = 'maxent-v1';

export interface PtableParameters {
  /** D: the largest change, `STATS_MAX_NOISE`. */
  maxNoise: number;
  /** V: the variance of the change for counts with the whole support; default D / 2. */
  variance?: number;
}

export interface PtableRow {
  /** The original count of this row (the last row stands for every larger count). */
  count: number;
  /** Changes −D … D with their probabilities before and after laying them on the 256 slots. */
  changes: { change: number; probability: number; slots: number }[];
  /** For each cell key 0–255: the change. */
  byKey: Int8Array;
}

export interface Ptable {
  version: string;
  maxNoise: number;
  variance: number;
  rows: PtableRow[];
}

/**
 * The maximum-entropy distribution over `support` with mean 0 and variance `variance`, by Newton
 * steps on λ (the dual of the entropy problem is convex; the step is halved while it worsens it).
 */
export function maxEntropyDistribution(support: number[], variance: number): number[] {
  const dual = (l1: number, l2: number) => {
    const logits = support.map((d) => l1 * d + l2 * (d * d - variance));
    const top = Math.max(...logits);
    return Math.log(logits.reduce((sum, value) => sum + Math.exp(value - top), 0)) + top;
  };
  const probabilities = (l1: number, l2: number) => {
    const logits = support.map((d) => l1 * d + l2 * d * d);
    const top = Math.max(...logits);
    const weights = logits.map((value) => Math.exp(value - top));
    const sum = weights.reduce((a, b) => a + b, 0);
    return weights.map((weight) => weight / sum);
  };
  let [l1, l2] = [0, 0];
  for (let iteration = 0; iteration < 200; iteration++) {
    const p = probabilities(l1, l2);
    const mean = p.reduce((sum, pi, i) => sum + pi * support[i], 0);
    const second = p.reduce((sum, pi, i) => sum + pi * support[i] ** 2, 0);
    const third = p.reduce((sum, pi, i) => sum + pi * support[i] ** 3, 0);
    const fourth = p.reduce((sum, pi, i) => sum + pi * support[i] ** 4, 0);
    const [g1, g2] = [mean, second - variance];
    if (Math.abs(g1) < 1e-13 && Math.abs(g2) < 1e-13) break;
    // Hessian: the covariance of (d, d²).
    const [h11, h12, h22] = [second - mean ** 2, third - mean * second, fourth - second ** 2];
    const det = h11 * h22 - h12 * h12;
    if (!(det > 1e-300)) throw new Error(`no distribution with variance ${variance} on ${support.join(',')}`);
    const [s1, s2] = [(h22 * g1 - h12 * g2) / det, (h11 * g2 - h12 * g1) / det];
    let step = 1;
    const current = dual(l1, l2);
    while (step > 1e-6 && dual(l1 - step * s1, l2 - step * s2) > current + 1e-15) step /= 2;
    [l1, l2] = [l1 - step * s1, l2 - step * s2];
  }
  const p = probabilities(l1, l2);
  const mean = p.reduce((sum, pi, i) => sum + pi * support[i], 0);
  const second = p.reduce((sum, pi, i) => sum + pi * support[i] ** 2, 0);
  if (Math.abs(mean) > 1e-9 || Math.abs(second - variance) > 1e-9)
    throw new Error(`no distribution with variance ${variance} on ${support.join(',')}`);
  return p;
}

/** Whole slots per change: largest remainders, then moved one at a time until Σ slots·d = 0. */
function slotsOf(support: number[], probabilities: number[]): number[] {
  const exact = probabilities.map((p) => p * KEY_SLOTS);
  const slots = exact.map(Math.floor);
  const order = exact.map((value, i) => i).sort((a, b) => exact[b] - slots[b] - (exact[a] - slots[a]) || a - b);
  for (let left = KEY_SLOTS - slots.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) slots[order[i]]++;
  // Each move of one slot from change d to d ∓ 1 changes Σ slots·d by ∓1; take it from the change
  // that holds the most slots beyond its exact share.
  for (let imbalance = slots.reduce((sum, s, i) => sum + s * support[i], 0); imbalance !== 0;) {
    const direction = imbalance > 0 ? -1 : 1;
    let from = -1;
    for (let i = 0; i < support.length; i++) {
      const to = i + direction;
      if (to < 0 || to >= support.length || slots[i] === 0) continue;
      if (from < 0 || slots[i] - exact[i] > slots[from] - exact[from]) from = i;
    }
    slots[from]--;
    slots[from + direction]++;
    imbalance += direction;
  }
  return slots;
}

function buildRow(count: number, maxNoise: number, variance: number): PtableRow {
  const byKey = new Int8Array(KEY_SLOTS);
  if (count === 0) return { count, changes: [{ change: 0, probability: 1, slots: KEY_SLOTS }], byKey };
  const support: number[] = [];
  for (let d = -Math.min(count, maxNoise); d <= maxNoise; d++) support.push(d);
  const probabilities = maxEntropyDistribution(support, variance);
  const slots = slotsOf(support, probabilities);
  let key = 0;
  support.forEach((change, i) => {
    for (let s = 0; s < slots[i]; s++) byKey[key++] = change;
  });
  return {
    count,
    changes: support.map((change, i) => ({ change, probability: probabilities[i], slots: slots[i] })),
    byKey,
  };
}

export function buildPtable({ maxNoise, variance = maxNoise / 2 }: PtableParameters): Ptable {
  if (!Number.isInteger(maxNoise) || maxNoise < 1) throw new Error(`maxNoise must be a whole number ≥ 1`);
  const rows: PtableRow[] = [];
  for (let count = 0; count <= PTABLE_CUTOFF; count++) rows.push(buildRow(count, maxNoise, variance));
  return { version: `${METHOD}-D${maxNoise}-V${variance}`, maxNoise, variance, rows };
}

const built = new Map<number, Ptable>();

/** The table for `STATS_MAX_NOISE` = `maxNoise` (variance D / 2), built once. */
export function ptableFor(maxNoise: number): Ptable {
  let table = built.get(maxNoise);
  if (!table) built.set(maxNoise, (table = buildPtable({ maxNoise })));
  return table;
}

/** The change the table gives a cell of `count` children whose record keys sum to `keySum`. */
export function perturbation(table: Ptable, count: number, keySum: number): number {
  if (count <= 0) return 0;
  const row = table.rows[Math.min(count, table.rows.length - 1)];
  const key = ((keySum % KEY_SLOTS) + KEY_SLOTS) % KEY_SLOTS;
  return row.byKey[key];
}
