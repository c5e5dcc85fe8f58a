import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { listOpenMqas } from "@/db/queries/accounts";
import { relativeTime } from "@/lib/format";

type Row = Awaited<ReturnType<typeof listOpenMqas>>["rows"][number];

const part = (components: Record<string, number>, key: string) => (key in components ? Math.round(components[key]!) : "—");

/** Accounts with an open MQA: their score now and at qualification, its parts, and who has it. */
export function OpenMqasTable({ rows }: { rows: Row[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Account</TableHead>
          <TableHead className="text-right">Score now</TableHead>
          <TableHead className="text-right">At MQA</TableHead>
          <TableHead className="text-right">Fit · engagement · coverage</TableHead>
          <TableHead>Contacts</TableHead>
          <TableHead>Qualified</TableHead>
          <TableHead>Owner</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell>
              <Link href={`/accounts/${r.accountId}`} className="font-medium hover:text-primary hover:underline">
                {r.name}
              </Link>
              <span className="block text-xs text-muted-foreground">{[r.industry, r.region].filter(Boolean).join(" · ") || r.domain}</span>
            </TableCell>
            <TableCell className="text-right font-medium tabular-nums">{r.accountScore ?? "—"}</TableCell>
            <TableCell className="text-right tabular-nums text-muted-foreground">{Math.round(r.atQualification)}</TableCell>
            <TableCell className="text-right tabular-nums text-muted-foreground">
              {part(r.components, "fit")} · {part(r.components, "engagement")} · {part(r.components, "coverage")}
            </TableCell>
            <TableCell className="tabular-nums">{r.contactCount}</TableCell>
            <TableCell className="text-muted-foreground">{relativeTime(r.mqaAt)}</TableCell>
            <TableCell>{r.repName ?? <span className="text-amber-700 dark:text-amber-400">No owner</span>}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
