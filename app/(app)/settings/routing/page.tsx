import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/app-shell";
import { RoutingExplainer } from "@/components/settings/routing/routing-explainer";
import { repStatus } from "@/components/settings/routing/routing-format";
import { AddRuleButton, RoutingRulesList, type RuleListItem } from "@/components/settings/routing/routing-rules-list";
import type { ConditionSuggestions, RepOption, TerritoryOption } from "@/components/settings/routing/routing-types";
import { NewSlaPolicyButton, SlaPoliciesList, type PolicyItem } from "@/components/settings/routing/sla-policies-list";
import { NewTerritoryButton, TerritoriesList, type TerritoryItem } from "@/components/settings/routing/territories-list";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isRoutableRole, listConditionSuggestions, listRoutingRules, listRoutingUsers, listSlaPolicies, listTerritoriesWithMembers } from "@/db/queries/routing-admin";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Routing" };

/** Values seen in the data first, then any a rule already uses that the data does not have (yet). */
function mergeSuggestions(seen: string[], used: (string[] | undefined)[]): string[] {
  const out = [...seen];
  const known = new Set(seen.map((v) => v.toLowerCase()));
  for (const value of used.flatMap((v) => v ?? [])) {
    if (known.has(value.toLowerCase())) continue;
    known.add(value.toLowerCase());
    out.push(value);
  }
  return out;
}

const loadOf = (m: { openMqls: number; maxOpenMqls: number | null }) => (m.maxOpenMqls === null ? `${m.openMqls} open` : `${m.openMqls}/${m.maxOpenMqls} open`);

export default async function RoutingSettingsPage() {
  await requirePermission("settings:manage");
  const [rules, territoryRows, policyRows, people, seen] = await Promise.all([
    listRoutingRules(),
    listTerritoriesWithMembers(),
    listSlaPolicies(),
    listRoutingUsers(),
    listConditionSuggestions(),
  ]);
  const now = new Date();
  const timezoneOf = new Map(people.map((p) => [p.id, p.timezone]));

  const reps: RepOption[] = people
    .filter((p) => isRoutableRole(p.role) && !p.deactivated)
    .map((p) => {
      const status = repStatus(p, now);
      return { id: p.id, name: p.name, role: p.role as RepOption["role"], roleLabel: ROLE_LABELS[p.role], statusLabel: status.label, available: status.kind === "available" };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  const territories: TerritoryItem[] = territoryRows.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    slaPolicyId: t.slaPolicyId,
    members: t.members.map((m) => {
      const status = repStatus({ ...m, timezone: timezoneOf.get(m.userId) }, now);
      return { userId: m.userId, name: m.name, roleLabel: ROLE_LABELS[m.role], status: status.kind, statusLabel: status.label, statusDetail: status.detail, load: loadOf(m) };
    }),
    rules: rules.flatMap((r, i) => (r.territoryId === t.id ? [{ name: r.name, position: i + 1, isActive: r.isActive }] : [])),
  }));

  const territoryOptions: TerritoryOption[] = territories.map((t) => ({
    id: t.id,
    name: t.name,
    memberCount: t.members.length,
    availableCount: t.members.filter((m) => m.status === "available").length,
  }));

  const policies: PolicyItem[] = policyRows;
  const policyOptions = policies.map((p) => ({ id: p.id, name: p.name, isDefault: p.isDefault }));

  const suggestions: ConditionSuggestions = {
    regions: mergeSuggestions(seen.regions, rules.map((r) => r.conditions.regions)),
    countries: mergeSuggestions(seen.countries, rules.map((r) => r.conditions.countries)),
    industries: mergeSuggestions(seen.industries, rules.map((r) => r.conditions.industries)),
  };

  const ruleItems: RuleListItem[] = rules.map((r) => ({
    id: r.id,
    name: r.name,
    conditions: r.conditions,
    territoryId: r.territoryId,
    territoryName: r.territoryName,
    userId: r.userId,
    userName: r.userName,
    isActive: r.isActive,
  }));
  const activeCount = rules.filter((r) => r.isActive).length;

  return (
    <>
      <PageHeader title="Settings" description="Users, territories and routing">
        <SettingsTabs />
      </PageHeader>
      <div className="space-y-6 p-6 lg:p-8">
        <Card className="overflow-hidden">
          <CardHeader className="flex-row items-start justify-between gap-4">
            <div className="space-y-1">
              <CardTitle>
                Routing rules · {rules.length}
                {rules.length > activeCount ? <span className="font-normal text-muted-foreground"> ({rules.length - activeCount} paused)</span> : null}
              </CardTitle>
              <CardDescription>Where new MQLs go. First match wins: rules are tried in this order, and a lead goes to the first one that matches it and has a rep free.</CardDescription>
            </div>
            {rules.length > 0 ? <AddRuleButton territories={territoryOptions} reps={reps} suggestions={suggestions} /> : null}
          </CardHeader>
          <CardContent className="pb-4">
            <RoutingExplainer />
          </CardContent>
          <RoutingRulesList rules={ruleItems} territories={territoryOptions} reps={reps} suggestions={suggestions} />
        </Card>

        <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Card className="overflow-hidden">
            <CardHeader className="flex-row items-start justify-between gap-4">
              <div className="space-y-1">
                <CardTitle>Territories · {territories.length}</CardTitle>
                <CardDescription>Teams that share a round-robin: the rep served longest ago goes first, skipping anyone away or at their cap.</CardDescription>
              </div>
              {territories.length > 0 ? <NewTerritoryButton policies={policyOptions} /> : null}
            </CardHeader>
            <TerritoriesList territories={territories} policies={policyOptions} reps={reps} />
          </Card>

          <Card className="overflow-hidden">
            <CardHeader className="flex-row items-start justify-between gap-4">
              <div className="space-y-1">
                <CardTitle>SLA policies · {policies.length}</CardTitle>
                <CardDescription>When the first touch is due, in business hours on the rep’s clock. Territories pick one; the default covers the rest.</CardDescription>
              </div>
              {policies.length > 0 ? <NewSlaPolicyButton /> : null}
            </CardHeader>
            <SlaPoliciesList policies={policies} />
          </Card>
        </div>
      </div>
    </>
  );
}
