import { ArrowDownRight, ArrowUpRight, Sparkles } from "lucide-react";
import { CsvDownloadButton } from "@/components/analytics/csv-download-button";
import { AnalyticsSection } from "@/components/analytics/section";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { liftAnalysis, type LiftResult } from "@/db/queries/lift";
import { describeModelWeight, type LiftOutcome } from "@/lib/analytics/lift";
import { requirePermission } from "@/lib/auth/session";
import { formatCount, shortDate } from "@/lib/format";
import { LiftExplorer } from "./lift-explorer";

const OUTCOME_LABELS: Record<LiftOutcome, { noun: string; infinitive: string; column: string }> = {
  customer: { noun: "became customers", infinitive: "become customers", column: "Customers" },
  sql: { noun: "reached SQL", infinitive: "reach SQL", column: "SQLs" },
};
const SUGGESTIONS_SHOWN = 6;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Lift (PRODUCT.md §9): which attribute values and behaviours are over- or under-represented among
 * the MQL records that became customers (or reached SQL), what the published model gives each,
 * and the rule changes where the two disagree. An async server component: give it the period as
 * `from` (inclusive) and `until` (exclusive) — the MQL records qualified in between are read with
 * `liftAnalysis` — and optionally the outcome. It checks `calibration:read` itself.
 *
 *   <LiftCard from={from} until={until} />
 */
export async function LiftCard({ from, until, outcome = "customer" }: { from: Date; until: Date; outcome?: LiftOutcome }) {
  await requirePermission("calibration:read");
  const result = await liftAnalysis(await getDb(), { from, until, outcome });
  return <LiftView result={result} />;
}

/** The card for a result already computed (e.g. shared with another part of the page). */
export function LiftView({ result }: { result: LiftResult }) {
  const labels = OUTCOME_LABELS[result.outcome];
  const last = new Date(new Date(result.until).getTime() - 86_400_000);
  const period = `${shortDate(result.from)} – ${shortDate(last)}`;
  const { population, behaviourPopulation: behaviours } = result;
  const fileStem = `lift-${result.outcome}-${result.from.slice(0, 10)}-${last.toISOString().slice(0, 10)}`;

  return (
    <AnalyticsSection
      id="lift"
      title={`Lift: what the MQLs that ${labels.noun} had in common`}
      description={
        population.records === 0 ? (
          <>No MQL records qualified {period}.</>
        ) : (
          <>
            {formatCount(population.records)} MQL records qualified {period}; {formatCount(population.outcomes)} {labels.noun} (
            {pct(population.rate!.value)}, the base rate). Each bar is a value&apos;s rate as a multiple of the base rate, with its 95% interval;
            a value is over- or under-represented only when the interval leaves out the base rate. Behaviours are what the contact did in the{" "}
            {result.windowDays} days up to qualifying
            {behaviours.sampled ? `, read from a random ${formatCount(behaviours.records)} of the records (base rate ${pct(behaviours.rate?.value ?? 0)})` : ""}. Points
            are those of model v{result.modelVersion}.
          </>
        )
      }
      actions={result.rows.length ? <CsvDownloadButton fileName={`${fileStem}.csv`} header={CSV_HEADER} rows={result.rows.map(csvRow)} label="All values CSV" /> : null}
    >
      {population.records === 0 ? (
        <EmptyState icon={Sparkles} title="Nothing to compare yet" className="border-t">
          Lift needs MQL records in the period, and some of them to {labels.infinitive}.
        </EmptyState>
      ) : population.outcomes === 0 ? (
        <EmptyState icon={Sparkles} title={`None of these MQLs ${labels.noun} yet`} className="border-t">
          With no outcome to compare against, no value can be told apart. Choose a longer or older period.
        </EmptyState>
      ) : (
        <>
          <Suggestions result={result} />
          <LiftExplorer rows={result.rows} outcomeLabel={labels.column} fileStem={fileStem} />
        </>
      )}
    </AnalyticsSection>
  );
}

function Suggestions({ result }: { result: LiftResult }) {
  const { suggestions } = result;
  if (suggestions.length === 0) {
    return (
      <p className="border-t px-5 py-3 text-sm text-muted-foreground">
        No rule change suggested: wherever a value converts clearly better or worse than the base rate, the model already points the same way.
      </p>
    );
  }
  const item = (s: (typeof suggestions)[number]) => (
    <li key={`${s.field}:${s.value}`} className="flex gap-2">
      {s.action === "raise" ? (
        <ArrowUpRight aria-label="Give points" className="mt-0.5 size-4 shrink-0 text-success" />
      ) : (
        <ArrowDownRight aria-label="Take points away" className="mt-0.5 size-4 shrink-0 text-destructive" />
      )}
      <span>{s.text}</span>
    </li>
  );
  return (
    <div className="border-t px-5 py-3">
      <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">Suggested rule changes</h3>
      <ul className="space-y-1.5 text-sm">{suggestions.slice(0, SUGGESTIONS_SHOWN).map(item)}</ul>
      {suggestions.length > SUGGESTIONS_SHOWN ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-muted-foreground">{suggestions.length - SUGGESTIONS_SHOWN} more</summary>
          <ul className="mt-1.5 space-y-1.5">{suggestions.slice(SUGGESTIONS_SHOWN).map(item)}</ul>
        </details>
      ) : null}
    </div>
  );
}

const CSV_HEADER = ["kind", "attribute", "value", "label", "records", "outcomes", "rate", "rate_low", "rate_high", "lift", "lift_low", "lift_high", "direction", "sparse", "model_points", "model_rules", "model"];

function csvRow(r: LiftResult["rows"][number]): (string | number | null)[] {
  return [
    r.kind,
    r.field,
    r.value,
    r.kind === "behaviour" ? r.valueLabel : `${r.fieldLabel} = ${r.valueLabel}`,
    r.records,
    r.outcomes,
    r.rate.value,
    r.rate.low,
    r.rate.high,
    r.lift?.value ?? null,
    r.lift?.low ?? null,
    r.lift?.high ?? null,
    r.direction,
    r.sparse ? "yes" : "no",
    r.model.points,
    r.model.rules.join("; "),
    describeModelWeight(r),
  ];
}
