import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ContactListRow } from "@/db/queries/contacts";
import { fullName, relativeTime } from "@/lib/format";
import { ScoreBar } from "./score-bar";
import { StageBadge } from "./stage-badge";

export function ContactsTable({ rows, thresholds }: { rows: ContactListRow[]; thresholds?: { fit: number; engagement: number } }) {
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Contact</TableHead>
          <TableHead>Company</TableHead>
          <TableHead>Stage</TableHead>
          <TableHead>Fit</TableHead>
          <TableHead>Engagement</TableHead>
          <TableHead className="hidden min-[1400px]:table-cell">Owner</TableHead>
          <TableHead>Last activity</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((c) => (
          <TableRow key={c.id}>
            <TableCell className="max-w-72">
              <Link href={`/contacts/${c.id}`} className="block truncate font-medium text-foreground hover:text-primary hover:underline">
                {fullName(c)}
              </Link>
              <span className="block truncate text-xs text-muted-foreground">{c.title ? `${c.title} · ${c.email}` : c.email}</span>
            </TableCell>
            <TableCell className="max-w-48 truncate">
              {c.accountId && c.accountName ? (
                <Link href={`/accounts/${c.accountId}`} className="hover:text-primary hover:underline">
                  {c.accountName}
                </Link>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </TableCell>
            <TableCell>
              <StageBadge stage={c.stage} />
            </TableCell>
            <TableCell>
              <ScoreBar value={c.fitScore} threshold={thresholds?.fit} kind="fit" />
            </TableCell>
            <TableCell>
              <ScoreBar value={c.engagementScore} threshold={thresholds?.engagement} kind="engagement" />
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground hidden min-[1400px]:table-cell">{c.ownerName ?? "—"}</TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{relativeTime(c.lastActivityAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
