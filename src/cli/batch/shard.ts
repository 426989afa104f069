/**
 * `--shard K/N`: file i of the sorted list (0-based) belongs to shard (i mod N) + 1. Round-robin rather than a hash
 * of the path: the shards are as even as they can be (sizes differ by at most one) and neighbouring files (often one
 * department's units) spread over the hosts. Every shard must be given the same inputs, so it sees the same list.
 */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | null {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return null;
  return { index, count };
}

export function takeShard<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
