/**
 * CPU profile of one full check (node:inspector, no command-line flags needed), summarised as self time per function
 * and inclusive time per function, so the notes in results.md can say where the time goes.
 *
 *   npx tsx bench/profile.ts [rows] [--catalogue]      (default 100000)
 */
import { Session, type Profiler } from "node:inspector";
import { getCatalogueSync } from "../src/core/catalogue/sync";
import { checkWorkbook } from "../src/core/engine";
import { generateWorkbook } from "./generate";

export interface ProfileLine {
  fn: string;
  where: string;
  ms: number;
}

export interface ProfileSummary {
  totalMs: number;
  self: ProfileLine[];
  inclusive: ProfileLine[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))),
  );
}

/** Self and inclusive time per function (by name and source location) from a V8 CPU profile. */
export function summariseProfile(profile: Profiler.Profile, top = 15): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
  const label = (n: Profiler.ProfileNode) => {
    const f = n.callFrame;
    const file = f.url.replace(/^.*\/(src|bench|node_modules)\//, "$1/");
    return { fn: f.functionName || "(anonymous)", where: `${file}:${f.lineNumber + 1}` };
  };
  const selfBy = new Map<string, ProfileLine>();
  const inclBy = new Map<string, ProfileLine>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (const [id, ms] of dt) {
    const n = nodes.get(id)!;
    const l = label(n);
    const k = `${l.fn}@${l.where}`;
    (selfBy.get(k) ?? selfBy.set(k, { ...l, ms: 0 }).get(k)!).ms += ms;
    // Inclusive: credit each distinct function on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cl = label(nodes.get(cur)!);
      const ck = `${cl.fn}@${cl.where}`;
      if (seen.has(ck)) continue;
      seen.add(ck);
      (inclBy.get(ck) ?? inclBy.set(ck, { ...cl, ms: 0 }).get(ck)!).ms += ms;
    }
  }
  const sorted = (m: Map<string, ProfileLine>) => [...m.values()].sort((a, b) => b.ms - a.ms);
  const totalMs = [...dt.values()].reduce((a, b) => a + b, 0);
  const ours = (l: ProfileLine) => /^(src|bench)\//.test(l.where) || /decimal|node_modules/.test(l.where);
  return { totalMs, self: sorted(selfBy).slice(0, top), inclusive: sorted(inclBy).filter(ours).slice(0, 2 * top) };
}

/** Profiles `fn` once (after one warm-up call). */
export async function profile(fn: () => unknown): Promise<ProfileSummary> {
  fn();
  const session = new Session();
  session.connect();
  await post(session, "Profiler.enable");
  await post(session, "Profiler.setSamplingInterval", { interval: 500 });
  await post(session, "Profiler.start");
  fn();
  const { profile: p } = await post<{ profile: Profiler.Profile }>(session, "Profiler.stop");
  session.disconnect();
  return summariseProfile(p);
}

async function main(): Promise<void> {
  const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
  const options = process.argv.includes("--catalogue") ? { catalogue: getCatalogueSync() } : {};
  const wb = generateWorkbook(rows);
  const s = await profile(() => checkWorkbook(wb, options));
  const fmt = (l: ProfileLine) => `${l.ms.toFixed(0).padStart(7)} ms  ${l.fn}  ${l.where}`;
  console.log(`total sampled ${s.totalMs.toFixed(0)} ms\n-- self --\n${s.self.map(fmt).join("\n")}\n-- inclusive (project code) --\n${s.inclusive.map(fmt).join("\n")}`);
}

if (process.argv[1] && /profile\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
