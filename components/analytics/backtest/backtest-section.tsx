import "server-only";
import { getPublishedModel, listDraftModels } from "@/db/queries/scoring-models";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { diffModels } from "@/lib/scoring/model-diff";
import { BacktestPanel } from "./backtest-panel";

/** The studio's backtest, with the drafts it can replay and what publishing each would change. */
export async function BacktestSection({ user }: { user: CurrentUser }) {
  const [published, drafts] = await Promise.all([getPublishedModel(), listDraftModels()]);
  if (!published) return <p className="text-sm text-muted-foreground">No model is published yet: there is nothing to compare a draft with.</p>;
  if (!can(user.role, "model:edit")) return <p className="text-sm text-muted-foreground">Backtesting and publishing drafts is for marketers and admins.</p>;
  return (
    <BacktestPanel
      published={{ id: published.id, version: published.version }}
      drafts={drafts.map((d) => ({ id: d.id, version: d.version, name: d.name, changes: diffModels(published.definition, d.definition) }))}
    />
  );
}
