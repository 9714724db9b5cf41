export const COUNT_BUCKETS = ['0', '1', '2-9', '10-49', '50+'] as const;
export type CountBucket = (typeof COUNT_BUCKETS)[number];

/** 0, 1, 2-9, 10-49, 50+: enough to tell usage apart, too coarse to single anyone out. */
export function countBucket(count: number): CountBucket {
  if (count <= 0) return '0';
  if (count === 1) return '1';
  if (count < 10) return '2-9';
  if (count < 50) return '10-49';
  return '50+';
}
