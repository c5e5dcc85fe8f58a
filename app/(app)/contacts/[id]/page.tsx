import { ChevronLeft, Mail, Phone } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AccountCard, ProfileCard } from "@/components/contacts/profile-card";
import { MqlHistory } from "@/components/contacts/mql-history";
import { ScoreBreakdown } from "@/components/contacts/score-breakdown";
import { StageBadge } from "@/components/contacts/stage-badge";
import { StageHistory } from "@/components/contacts/stage-history";
import { StagePath } from "@/components/contacts/stage-path";
import { ContactTimeline } from "@/components/timeline/contact-timeline";
import { Card, CardContent } from "@/components/ui/card";
import { getCampaignName } from "@/db/queries/campaigns";
import { getContact } from "@/db/queries/contacts";
import { listMqlRecordsForContact, listStageHistory } from "@/db/queries/lifecycle";
import { getPublishedModel } from "@/db/queries/scoring-models";
import { listScoringEvents } from "@/db/queries/timeline";
import { requirePermission } from "@/lib/auth/session";
import { fullName, relativeTime } from "@/lib/format";
import { explainScores } from "@/lib/scoring/explain";
import { uuidSchema } from "@/lib/validation/common";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = uuidSchema.safeParse((await params).id);
  const row = id.success ? await getContact({ id: id.data }) : undefined;
  return { title: row ? fullName(row.contact) : "Contact" };
}

export default async function ContactPage({ params }: { params: Params }) {
  await requirePermission("contacts:read");
  const id = uuidSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const row = await getContact({ id: id.data });
  if (!row) notFound();
  const { contact, scores, account, owner } = row;

  const now = new Date();
  const [history, mqls, model, campaignName] = await Promise.all([
    listStageHistory({ contactId: contact.id }),
    listMqlRecordsForContact({ contactId: contact.id }),
    getPublishedModel(),
    contact.campaignId ? getCampaignName({ id: contact.campaignId }) : Promise.resolve(null),
  ]);
  const explanation = model
    ? explainScores({
        subject: { ...contact, account },
        events: await listScoringEvents({ contactId: contact.id, models: [model.definition], at: now }),
        model: model.definition,
        at: now,
      })
    : null;

  return (
    <div className="pb-12">
      <header className="border-b bg-card px-6 pt-4 pb-5 lg:px-8">
        <Link href="/contacts" className="inline-flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground">
          <ChevronLeft className="size-3" /> Contacts
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <div className="flex items-center gap-3">
              <h1 className="truncate text-2xl font-semibold tracking-tight">{fullName(contact)}</h1>
              <StageBadge stage={contact.stage} />
            </div>
            <p className="mt-1 text-sm text-muted-foreground">
              {[contact.title, account?.name].filter(Boolean).join(" at ") || contact.email}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-4 text-sm text-muted-foreground">
            <a href={`mailto:${contact.email}`} className="inline-flex items-center gap-1.5 hover:text-foreground">
              <Mail className="size-4" /> {contact.email}
            </a>
            {contact.phone ? (
              <a href={`tel:${contact.phone}`} className="inline-flex items-center gap-1.5 hover:text-foreground">
                <Phone className="size-4" /> {contact.phone}
              </a>
            ) : null}
            <span>Owner: {owner?.id ? owner.name : "—"}</span>
            <span>Last activity {relativeTime(scores.lastActivityAt)}</span>
          </div>
        </div>
        <div className="mt-4 max-w-3xl">
          <StagePath stage={contact.stage} />
        </div>
      </header>

      <div className="grid gap-6 p-6 lg:p-8 xl:grid-cols-[minmax(0,1fr)_380px]">
        <Card className="order-2 xl:order-1">
          <CardContent className="pt-5">
            <Suspense>
              <ContactTimeline contactId={contact.id} />
            </Suspense>
          </CardContent>
        </Card>
        <div className="order-1 space-y-6 xl:order-2">
          {explanation ? (
            <ScoreBreakdown explanation={explanation} modelVersion={row.scoresVersion ?? model?.version} scoredAt={scores.scoredAt} />
          ) : null}
          <ProfileCard contact={contact} campaignName={campaignName} />
          <AccountCard account={account} />
          <MqlHistory rows={mqls} />
          <StageHistory transitions={history} />
        </div>
      </div>
    </div>
  );
}
