import { formatDistanceStrict } from "date-fns";
import Link from "next/link";
import type { Bant } from "@/db/schema/mql-records";
import { formatCount, fullName } from "@/lib/format";

/** How long something has been waiting, e.g. "just now", "3 hours", "12 days". */
export function ageOf(since: Date | null, now: Date): string {
  if (!since) return "—";
  return now.getTime() - since.getTime() < 60_000 ? "just now" : formatDistanceStrict(since, now);
}

export const BANT_FIELDS = [
  { key: "budget", label: "Budget" },
  { key: "authority", label: "Authority" },
  { key: "need", label: "Need" },
  { key: "timeline", label: "Timeline" },
] as const satisfies readonly { key: keyof Bant; label: string }[];

type Person = { contactId: string; email: string; firstName: string | null; lastName: string | null; title: string | null; accountName: string | null };

/** The contact's name (to their page) and who they are: what every card starts with. */
export function LeadHeading({ lead, headingId, size = "base" }: { lead: Person; headingId: string; size?: "base" | "sm" }) {
  return (
    <div className="min-w-0">
      <h3 id={headingId} className={size === "base" ? "truncate text-base font-semibold leading-tight" : "truncate text-sm font-semibold leading-tight"}>
        <Link href={`/contacts/${lead.contactId}`} className="hover:underline">
          {fullName(lead)}
        </Link>
      </h3>
      <p className="mt-0.5 truncate text-xs text-muted-foreground">{[lead.title, lead.accountName].filter(Boolean).join(" · ") || lead.email}</p>
    </div>
  );
}

export function companyFacts(lead: { industry: string | null; employees: number | null }): string | null {
  const facts = [lead.industry, lead.employees !== null ? `${formatCount(lead.employees)} employees` : null].filter(Boolean);
  return facts.length ? facts.join(" · ") : null;
}

/** Fit and engagement at qualification, as two compact figures. */
export function Scores({ fit, engagement }: { fit: number; engagement: number }) {
  return (
    <span className="inline-flex items-center gap-2 text-xs tabular-nums text-muted-foreground" title="Scores when the lead qualified as an MQL">
      <span>
        Fit <span className="font-semibold text-foreground">{Math.round(fit)}</span>
      </span>
      <span>
        Eng. <span className="font-semibold text-foreground">{Math.round(engagement)}</span>
      </span>
    </span>
  );
}
