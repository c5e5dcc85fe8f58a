"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { GridResult, SweepDimension, SweepResult } from "@/lib/analytics/sweep-query";

async function readJson<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message ?? `${what} could not be loaded (${res.status}).`);
  }
  return res.json();
}

export type CalibrationRange = { from: string; to: string; segment: string | null };

function search(params: Record<string, string | null>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null) q.set(k, v);
  return q.toString();
}

/** The sweep the studio draws: the other score held at its threshold in force (GET /api/analytics/threshold-sweep). */
export function useThresholdSweepQuery({ dimension, from, to, segment }: CalibrationRange & { dimension: SweepDimension }, enabled = true) {
  return useQuery({
    queryKey: ["threshold-sweep", { dimension, from, to, segment }],
    queryFn: async () =>
      readJson<SweepResult>(await fetch(`/api/analytics/threshold-sweep?${search({ dimension, from, to, segment, hold: "inForce" })}`), "The threshold sweep"),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

export function useThresholdGridQuery({ from, to, segment }: CalibrationRange, enabled = true) {
  return useQuery({
    queryKey: ["threshold-grid", { from, to, segment }],
    queryFn: async () => readJson<GridResult>(await fetch(`/api/analytics/threshold-grid?${search({ from, to, segment })}`), "The threshold grid"),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}
