import { z } from "zod";
import { FUNNEL_GROUPS, funnelQuerySchema, type FunnelGroup, type FunnelQuery } from "./funnel-query";

/** The funnel page's date presets: the current month and the N − 1 before it, up to today. */
export const FUNNEL_PRESETS = [
  { key: "3m", label: "Last 3 months", months: 3 },
  { key: "6m", label: "Last 6 months", months: 6 },
  { key: "12m", label: "Last 12 months", months: 12 },
] as const;
export type FunnelPreset = (typeof FUNNEL_PRESETS)[number]["key"] | "custom";

export const DEFAULT_PRESET = "12m" satisfies FunnelPreset;
/** The page opens on the breakdown a marketer asks about first; the cohort view is by month anyway. */
export const DEFAULT_PAGE_GROUP: FunnelGroup = "source";

export const GROUP_LABELS: Record<FunnelGroup, string> = {
  month: "Month",
  source: "Source",
  campaign: "Campaign",
  region: "Region",
  segment: "Segment",
  rep: "Rep",
  modelVersion: "Model version",
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function presetDays(key: Exclude<FunnelPreset, "custom">, now: Date): { from: string; to: string } {
  const months = FUNNEL_PRESETS.find((p) => p.key === key)!.months;
  return { from: isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1))), to: isoDay(now) };
}

const pageParamsSchema = z.object({
  range: z.enum(["3m", "6m", "12m", "custom"], { message: "range is one of 3m, 6m, 12m, custom" }).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  groupBy: z.string().optional(),
});

export type FunnelPageState = {
  preset: FunnelPreset;
  /** The days as shown in the controls (inclusive). */
  from: string;
  to: string;
  groupBy: FunnelGroup;
};

/**
 * The funnel page's URL: `range` (a preset, relative to today, so a bookmark stays "the last 3
 * months"), or `from`/`to` for custom dates, and `groupBy`. Dates and the breakdown are checked by
 * the API's own schema; a bad URL gives the messages and the defaults to fall back to, so the
 * page can say what is wrong instead of failing.
 */
export function parseFunnelPageParams(
  params: Record<string, string>,
  now: Date,
): { ok: true; state: FunnelPageState; query: FunnelQuery } | { ok: false; errors: string[]; fallback: FunnelPageState } {
  const fallback: FunnelPageState = { preset: DEFAULT_PRESET, ...presetDays(DEFAULT_PRESET, now), groupBy: DEFAULT_PAGE_GROUP };
  const raw = pageParamsSchema.safeParse(params);
  if (!raw.success) return { ok: false, errors: raw.error.issues.map((i) => i.message), fallback };
  const custom = raw.data.range === "custom" || (!raw.data.range && (raw.data.from !== undefined || raw.data.to !== undefined));
  const preset: FunnelPreset = custom ? "custom" : (raw.data.range ?? DEFAULT_PRESET);
  const days = preset === "custom" ? { from: raw.data.from ?? "", to: raw.data.to ?? "" } : presetDays(preset, now);
  const groupBy = raw.data.groupBy ?? DEFAULT_PAGE_GROUP;
  const parsed = funnelQuerySchema.safeParse({ ...days, groupBy });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => (i.path.length && !i.message.includes(String(i.path[0])) ? `${String(i.path[0])}: ${i.message}` : i.message));
    return { ok: false, errors, fallback: { ...fallback, groupBy: (FUNNEL_GROUPS as readonly string[]).includes(groupBy) ? (groupBy as FunnelGroup) : fallback.groupBy } };
  }
  return { ok: true, state: { preset, ...days, groupBy: parsed.data.groupBy }, query: parsed.data };
}

/** The page's URL for a state: presets by name, custom ranges by their days. */
export function funnelPageHref(state: Pick<FunnelPageState, "preset" | "from" | "to" | "groupBy">): string {
  const params = new URLSearchParams();
  if (state.preset === "custom") {
    params.set("from", state.from);
    params.set("to", state.to);
  } else params.set("range", state.preset);
  params.set("groupBy", state.groupBy);
  return `/funnel?${params}`;
}
