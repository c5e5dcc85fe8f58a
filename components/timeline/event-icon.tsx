import {
  CalendarCheck,
  CalendarPlus,
  FileDown,
  FileText,
  Globe,

  MailOpen,
  MailWarning,
  MailX,
  MessageSquareReply,
  MousePointerClick,
  Phone,
  Presentation,
  Send,
  Sparkles,
  StickyNote,
  Users,
  type LucideIcon,
} from "lucide-react";
import { cn } from "@/lib/utils";

const ICONS: Record<string, { icon: LucideIcon; tone: string }> = {
  email_sent: { icon: Send, tone: "bg-sky-100 text-sky-700" },
  email_open: { icon: MailOpen, tone: "bg-sky-100 text-sky-700" },
  email_click: { icon: MousePointerClick, tone: "bg-sky-100 text-sky-700" },
  email_reply: { icon: MessageSquareReply, tone: "bg-sky-100 text-sky-700" },
  email_bounce: { icon: MailWarning, tone: "bg-red-100 text-red-700" },
  unsubscribe: { icon: MailX, tone: "bg-red-100 text-red-700" },
  page_view: { icon: Globe, tone: "bg-violet-100 text-violet-700" },
  form_submit: { icon: FileText, tone: "bg-amber-100 text-amber-700" },
  content_download: { icon: FileDown, tone: "bg-amber-100 text-amber-700" },
  demo_request: { icon: Sparkles, tone: "bg-emerald-100 text-emerald-700" },
  webinar_registered: { icon: CalendarPlus, tone: "bg-fuchsia-100 text-fuchsia-700" },
  webinar_attended: { icon: Presentation, tone: "bg-fuchsia-100 text-fuchsia-700" },
  call: { icon: Phone, tone: "bg-teal-100 text-teal-700" },
  meeting: { icon: Users, tone: "bg-teal-100 text-teal-700" },
  note: { icon: StickyNote, tone: "bg-stone-100 text-stone-700" },
};

const FALLBACK = { icon: CalendarCheck, tone: "bg-muted text-muted-foreground" };

export function EventIcon({ type, className }: { type: string; className?: string }) {
  const { icon: Icon, tone } = ICONS[type] ?? FALLBACK;
  return (
    <span className={cn("flex size-8 shrink-0 items-center justify-center rounded-full", tone, className)} aria-hidden>
      <Icon className="size-4" />
    </span>
  );
}
