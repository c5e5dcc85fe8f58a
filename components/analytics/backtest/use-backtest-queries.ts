"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BacktestResult } from "@/lib/analytics/backtest/backtest-result";

/** A backtest as the API returns it (dates as ISO strings). */
export type BacktestView = {
  id: string;
  draftVersionId: string;
  baselineVersionId: string;
  months: number;
  from: string;
  until: string;
  status: "queued" | "running" | "completed" | "failed";
  chunksDone: number;
  chunksTotal: number;
  result: BacktestResult | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

async function readJson<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message ?? `${what} could not be loaded (${res.status}).`);
  }
  return res.json();
}

const running = (b: BacktestView | null | undefined) => b?.status === "queued" || b?.status === "running";

/** The draft's latest backtest, followed every second while it runs. */
export function useLatestBacktestQuery(draftId: string | null) {
  return useQuery({
    queryKey: ["backtest", { draftId }],
    queryFn: async () => readJson<BacktestView | null>(await fetch(`/api/calibration/backtests?draftId=${encodeURIComponent(draftId!)}`), "The backtest"),
    enabled: !!draftId,
    refetchInterval: (query) => (running(query.state.data) ? 1000 : false),
  });
}

export function useRunBacktestMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { draftId: string; months: number }) =>
      readJson<BacktestView>(
        await fetch("/api/calibration/backtests", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) }),
        "The backtest",
      ),
    onSuccess: (backtest) => client.setQueryData(["backtest", { draftId: backtest.draftVersionId }], backtest),
  });
}
