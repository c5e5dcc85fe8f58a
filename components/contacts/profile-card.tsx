import { Building2 } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Account, Contact } from "@/db/schema";
import { formatCompact, formatMoney, humanizeValue, shortDate } from "@/lib/format";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[110px_1fr] gap-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children || "—"}</dd>
    </div>
  );
}

export function ProfileCard({ contact, campaignName }: { contact: Contact; campaignName?: string | null }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Profile</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="space-y-2">
          <Field label="Email">
            <a href={`mailto:${contact.email}`} className="text-primary hover:underline">
              {contact.email}
            </a>
          </Field>
          <Field label="Phone">{contact.phone}</Field>
          <Field label="Title">{contact.title}</Field>
          <Field label="Seniority">{contact.seniority ? humanizeValue(contact.seniority) : null}</Field>
          <Field label="Function">{contact.jobFunction ? humanizeValue(contact.jobFunction) : null}</Field>
          <Field label="Location">{[contact.country, contact.region].filter(Boolean).join(" · ")}</Field>
          <Field label="Source">{contact.source ? humanizeValue(contact.source) : null}</Field>
          <Field label="Campaign">{campaignName}</Field>
          <Field label="Created">{shortDate(contact.createdAt)}</Field>
        </dl>
      </CardContent>
    </Card>
  );
}

export function AccountCard({ account }: { account: Account | null }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Account</CardTitle>
      </CardHeader>
      <CardContent>
        {account ? (
          <>
            <Link href={`/accounts/${account.id}`} className="flex items-center gap-2 font-medium hover:text-primary hover:underline">
              <Building2 className="size-4 text-muted-foreground" /> {account.name}
            </Link>
            <dl className="mt-3 space-y-2">
              <Field label="Domain">{account.domain}</Field>
              <Field label="Industry">{account.industry}</Field>
              <Field label="Employees">{account.employees ? formatCompact(account.employees) : null}</Field>
              <Field label="Revenue">{account.annualRevenue ? formatMoney(account.annualRevenue) : null}</Field>
              <Field label="Region">{[account.country, account.region].filter(Boolean).join(" · ")}</Field>
              <Field label="Tech">{account.technologies.length ? account.technologies.join(", ") : null}</Field>
            </dl>
          </>
        ) : (
          <p className="text-sm text-muted-foreground">Not matched to an account (personal or unknown email domain).</p>
        )}
      </CardContent>
    </Card>
  );
}
