import { z } from "zod";
import { RATE_METRICS, RECOMMENDATION_GOALS } from "./recommend";

/** What the calibration studio shows, as kept in its URL (a marketer can bookmark or share it). */
export const STUDIO_DIMENSIONS = ["fit", "engagement", "both"] as const;
export type StudioDimension = (typeof STUDIO_DIMENSIONS)[number];

/** A typical SDR works 3–5 new MQLs a day; 80 a month is the starting point until the team says otherwise. */
export const DEFAULT_LEADS_PER_REP = 80;
export const DEFAULT_TARGET_RATE = 0.3;

const day = z.iso.date();

function isoDay(d: Date) {
  return d.toISOString().slice(0, 10);
}

/** The last 12 months up to today: MQL→customer takes months, so shorter ranges see little of it. */
export function defaultRange(today: Date): { from: string; to: string } {
  const from = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
  return { from: isoDay(from), to: isoDay(today) };
}

/**
 * Each parameter falls back to its default on its own when it is missing or malformed, so a
 * hand-edited URL still opens the studio.
 */
export function parseStudioParams(raw: Record<string, string | string[] | undefined>, today: Date) {
  const one = (k: string) => (Array.isArray(raw[k]) ? raw[k]![0] : raw[k]);
  const pick = <T,>(schema: z.ZodType<T>, key: string, fallback: T): T => {
    const parsed = schema.safeParse(one(key));
    return parsed.success ? parsed.data : fallback;
  };
  const range = defaultRange(today);
  let from = pick(day, "from", range.from);
  let to = pick(day, "to", range.to);
  if (from > to) [from, to] = [range.from, range.to];
  return {
    from,
    to,
    dimension: pick(z.enum(STUDIO_DIMENSIONS), "dimension", "fit" as StudioDimension),
    segment: pick(z.string().trim().min(1).max(100), "segment", null as string | null),
    goal: pick(z.enum(RECOMMENDATION_GOALS), "goal", "capacity" as (typeof RECOMMENDATION_GOALS)[number]),
    metric: pick(z.enum(RATE_METRICS), "metric", "sql" as (typeof RATE_METRICS)[number]),
    target: pick(z.coerce.number().min(0.01).max(0.99), "target", DEFAULT_TARGET_RATE),
    perRep: pick(z.coerce.number().int().min(1).max(10_000), "perRep", DEFAULT_LEADS_PER_REP),
    /** SDRs to plan for; unset means the active SDRs counted now. */
    reps: pick(z.coerce.number().int().min(0).max(10_000), "reps", null as number | null),
  };
}
export type StudioParams = ReturnType<typeof parseStudioParams>;
