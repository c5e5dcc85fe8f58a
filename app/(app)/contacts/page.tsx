import { ArrowRight, SearchX, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/app-shell";
import { ContactFilters } from "@/components/contacts/contact-filters";
import { ExportContactsButton } from "@/components/contacts/export-contacts-button";
import { ContactsTable } from "@/components/contacts/contacts-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { countContacts, listContacts, listOwnerOptions } from "@/db/queries/contacts";
import { getPublishedModel } from "@/db/queries/scoring-models";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatCount } from "@/lib/format";
import { searchParamsRecord } from "@/lib/validation/common";
import { contactListFiltersSchema } from "@/lib/validation/contacts";

export const metadata: Metadata = { title: "Contacts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("contacts:read");
  const values = searchParamsRecord(await searchParams);
  const parsed = contactListFiltersSchema.safeParse(values);
  const owners = await listOwnerOptions();

  if (!parsed.success) {
    return (
      <>
        <PageHeader title="Contacts">
          <ContactFilters values={values} owners={owners} />
        </PageHeader>
        <div className="p-6 lg:p-8">
          <Card>
            <EmptyState icon={SearchX} title="These filters don't work together">
              <p>{parsed.error.issues.map((i) => i.message).join(". ")}.</p>
              <Button asChild variant="outline" size="sm" className="mt-3">
                <Link href="/contacts">Reset filters</Link>
              </Button>
            </EmptyState>
          </Card>
        </div>
      </>
    );
  }

  const filters = parsed.data;
  const [{ rows, nextCursor }, total, model] = await Promise.all([
    listContacts({ filters }),
    countContacts({ filters }),
    getPublishedModel(),
  ]);
  const thresholds = model ? { fit: model.definition.thresholds.fit, engagement: model.definition.thresholds.engagement } : undefined;
  const page = Number(values.page ?? 1) || 1;
  const nextParams = new URLSearchParams(values);
  if (nextCursor) nextParams.set("cursor", nextCursor);
  nextParams.set("page", String(page + 1));
  const firstParams = new URLSearchParams(values);
  firstParams.delete("cursor");
  firstParams.delete("page");

  const countLabel = total.estimated
    ? `about ${formatCount(total.count)} contacts`
    : `${formatCount(total.count)}${total.exact ? "" : "+"} ${total.count === 1 ? "contact" : "contacts"}`;

  return (
    <>
      <PageHeader
        title="Contacts"
        description={`${countLabel}${values.q || values.stage || values.owner ? " match" : ""}`}
        actions={can(user.role, "contacts:export") && rows.length > 0 ? <ExportContactsButton values={values} /> : undefined}
      >
        <ContactFilters values={values} owners={owners} />
      </PageHeader>
      <div className="p-6 lg:p-8">
        <Card className="overflow-hidden">
          {rows.length === 0 ? (
            filters.cursor ? (
              <EmptyState icon={Users} title="No more contacts">
                <Link className="text-primary hover:underline" href={`/contacts?${firstParams}`}>
                  Back to the first page
                </Link>
              </EmptyState>
            ) : (
              <EmptyState icon={SearchX} title="No contacts match">
                Try a shorter search or fewer filters.
              </EmptyState>
            )
          ) : (
            <ContactsTable rows={rows} thresholds={thresholds} />
          )}
        </Card>
        {rows.length > 0 ? (
          <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-muted-foreground">
            <span>
              Page {page} · {rows.length} shown
            </span>
            <div className="flex gap-2">
              {filters.cursor ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={`/contacts?${firstParams}`}>First page</Link>
                </Button>
              ) : null}
              {nextCursor ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={`/contacts?${nextParams}`}>
                    Next page <ArrowRight />
                  </Link>
                </Button>
              ) : null}
            </div>
          </nav>
        ) : null}
      </div>
    </>
  );
}
