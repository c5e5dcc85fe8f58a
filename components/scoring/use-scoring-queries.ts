"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ScorePreview } from "@/lib/scoring/preview";
import type { ScoringModelDefinition } from "@/lib/scoring/model-schema";

export type ContactOption = { id: string; name: string; email: string; title: string | null; company: string | null };

async function readJson<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message ?? `${what} could not be loaded (${res.status}).`);
  }
  return res.json();
}

export function useContactLookupQuery(q: string) {
  return useQuery({
    queryKey: ["contact-lookup", { q }],
    queryFn: async () => (await readJson<{ contacts: ContactOption[] }>(await fetch(`/api/contacts/lookup?q=${encodeURIComponent(q)}`), "Contacts")).contacts,
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Dates arrive as ISO strings: the explanation's `at` and event times are not needed as Dates here. */
export type PreviewResponse = ScorePreview;

export function useScorePreviewQuery(contactId: string | null, definition: ScoringModelDefinition | null) {
  return useQuery({
    queryKey: ["score-preview", { contactId, definition }],
    queryFn: async () =>
      readJson<PreviewResponse>(
        await fetch("/api/scoring/preview", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ contactId, definition }) }),
        "The preview",
      ),
    enabled: !!contactId && !!definition,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export type ScoringRunProgress = {
  id: string;
  status: "queued" | "running" | "completed" | "failed";
  phase: "computing" | "writing" | "designating" | null;
  totalContacts: number | null;
  changedContacts: number;
  candidateMqls: number | null;
  processedCandidates: number;
  designatedMqls: number;
  error: string | null;
  modelVersion: number;
  startedAt: string | null;
  finishedAt: string | null;
};

/** A scoring run, polled every second until it finishes. */
export function useScoringRunQuery(runId: string | null) {
  return useQuery({
    queryKey: ["scoring-run", { runId }],
    queryFn: async () => readJson<ScoringRunProgress>(await fetch(`/api/scoring/runs/${runId}`), "The rescoring"),
    enabled: !!runId,
    refetchInterval: (query) => (query.state.data && ["completed", "failed"].includes(query.state.data.status) ? false : 1000),
    staleTime: 0,
  });
}
