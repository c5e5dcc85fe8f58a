"use client";
import { Search, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { STAGE_LABELS } from "./stage-badge";

type Owner = { id: string; name: string };

/**
 * Filters live in the URL (bookmarkable, shareable); a plain GET form, so the page works even
 * before JavaScript loads. Selects apply at once; text and numbers on Enter.
 */
export function ContactFilters({ values, owners }: { values: Record<string, string>; owners: Owner[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const active = ["q", "stage", "owner", "fitMin", "fitMax", "engagementMin", "engagementMax"].some((k) => values[k]);

  function submit() {
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v.trim() !== "") params.set(k, v.trim());
    router.push(`/contacts${params.size ? `?${params}` : ""}`);
  }

  return (
    <form
      ref={formRef}
      role="search"
      aria-label="Filter contacts"
      className="mt-4 space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex flex-wrap items-center gap-3">
      <div className="relative min-w-64 flex-1">
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input name="q" defaultValue={values.q} placeholder="Search name, email or company" className="pl-8" aria-label="Search" />
      </div>
      <NativeSelect name="stage" defaultValue={values.stage ?? ""} onChange={submit} aria-label="Stage" className="w-36">
        <option value="">All stages</option>
        {Object.entries(STAGE_LABELS)
          .filter(([k]) => k !== "rejected")
          .map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
      </NativeSelect>
      <NativeSelect name="owner" defaultValue={values.owner ?? ""} onChange={submit} aria-label="Owner" className="w-44">
        <option value="">Any owner</option>
        <option value="none">No owner</option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect name="sort" defaultValue={values.sort ?? "created"} onChange={submit} aria-label="Sort by" className="w-44">
        <option value="created">Newest first</option>
        <option value="fit">Highest fit</option>
        <option value="engagement">Most engaged</option>
        <option value="activity">Recent activity</option>
      </NativeSelect>
      </div>
      <div className="flex flex-wrap items-center gap-3">
      <RangeInputs label="Fit" minName="fitMin" maxName="fitMax" values={values} />
      <RangeInputs label="Engagement" minName="engagementMin" maxName="engagementMax" values={values} />
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {active ? (
        <Button asChild variant="ghost" size="sm">
          <Link href={values.sort ? `/contacts?sort=${values.sort}` : "/contacts"}>
            <X /> Clear
          </Link>
        </Button>
      ) : null}
      </div>
    </form>
  );
}

function RangeInputs({ label, minName, maxName, values }: { label: string; minName: string; maxName: string; values: Record<string, string> }) {
  return (
    <fieldset className="flex items-center gap-1">
      <legend className="sr-only">{label} score range</legend>
      <span className="mr-1 text-xs font-medium text-muted-foreground">{label}</span>
      <Input name={minName} type="number" min={0} max={100} defaultValue={values[minName]} placeholder="0" aria-label={`${label} from`} className="w-[4.5rem]" />
      <span className="text-muted-foreground">–</span>
      <Input name={maxName} type="number" min={0} max={100} defaultValue={values[maxName]} placeholder="100" aria-label={`${label} to`} className="w-[4.5rem]" />
    </fieldset>
  );
}
