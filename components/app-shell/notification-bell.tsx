"use client";
import { AlarmClock, AlertCircle, Bell, BellOff, Building2, CheckCheck, RotateCw, UserPlus, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { RelativeTime } from "@/components/ui/relative-time";
import { BELL_LIMIT } from "@/lib/notifications/limits";
import { cn } from "@/lib/utils";
import { useMarkNotificationsRead, useNotificationsQuery, type BellItem } from "./use-notifications-query";

/** The badge never grows past three characters. */
export function unreadBadgeText(unread: number): string {
  return unread > 99 ? "99+" : String(unread);
}

export function bellLabel(unread: number): string {
  if (unread === 0) return "Notifications, none unread";
  return `Notifications, ${unread} unread`;
}

const KIND_ICONS: Record<string, { icon: LucideIcon; tone: string }> = {
  "mql.assigned": { icon: UserPlus, tone: "bg-primary/10 [&_svg]:text-primary!" },
  "mqa.assigned": { icon: Building2, tone: "bg-primary/10 [&_svg]:text-primary!" },
  "sla.overdue": { icon: AlarmClock, tone: "bg-warning/20 [&_svg]:text-[oklch(0.5_0.12_65)]!" },
};

export function NotificationBell() {
  const query = useNotificationsQuery();
  const markRead = useMarkNotificationsRead();
  const unread = query.data?.unread ?? 0;
  const label = bellLabel(unread);

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={label}
        title={label}
        className="flex w-full items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground transition-colors hover:bg-white/5 hover:text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/60 data-[state=open]:bg-white/5 data-[state=open]:text-white"
      >
        <span className="relative shrink-0">
          <Bell className="size-4" aria-hidden />
          {unread > 0 ? <CountBadge unread={unread} className="absolute -right-3.5 -top-2.5 xl:hidden" /> : null}
        </span>
        <span className="max-xl:sr-only">Notifications</span>
        {unread > 0 ? <CountBadge unread={unread} className="ml-auto max-xl:hidden" /> : null}
      </DropdownMenuTrigger>
      <span className="sr-only" aria-live="polite">
        {unread > 0 ? `${unread} unread notifications` : ""}
      </span>

      <DropdownMenuContent side="right" align="end" sideOffset={12} collisionPadding={8} className="w-[23rem] p-0">
        <div className="flex items-center justify-between gap-2 border-b px-3 py-2">
          <DropdownMenuLabel className="px-0 py-0">
            <span className="block text-sm font-semibold">Notifications</span>
            <span className="block text-xs text-muted-foreground">
              {query.data ? (unread > 0 ? `${unread} unread` : "All caught up") : query.isError ? "Not loaded" : "Loading…"}
            </span>
          </DropdownMenuLabel>
          {query.data && query.data.items.length > 0 ? (
            <DropdownMenuItem
              disabled={unread === 0}
              onSelect={(event) => {
                event.preventDefault();
                markRead.mutate({ all: true });
              }}
              className="h-8 px-2 text-xs font-medium text-primary data-[disabled]:cursor-default data-[disabled]:bg-transparent data-[disabled]:opacity-50 data-[highlighted]:bg-accent [&_svg]:text-primary!"
            >
              <CheckCheck /> Mark all read
            </DropdownMenuItem>
          ) : null}
        </div>

        {query.isError && query.data ? (
          <p className="flex items-center gap-1.5 border-b bg-muted/60 px-3 py-1.5 text-xs text-muted-foreground">
            <AlertCircle className="size-3.5" aria-hidden /> Could not refresh; showing what was loaded before.
          </p>
        ) : null}

        {query.isPending ? (
          <BellSkeleton />
        ) : query.data ? (
          query.data.items.length === 0 ? (
            <EmptyState icon={BellOff} title="No notifications yet" className="py-10">
              New MQLs assigned to you will show up here.
            </EmptyState>
          ) : (
            <div className="max-h-[min(30rem,calc(100vh-8rem))] overflow-y-auto">
              <div className="divide-y">
                {query.data.items.map((n) => (
                  <NotificationItem key={n.id} notification={n} onOpen={() => (n.readAt ? undefined : markRead.mutate({ ids: [n.id] }))} />
                ))}
              </div>
              {query.data.items.length >= BELL_LIMIT ? (
                <p className="border-t px-3 py-2 text-center text-xs text-muted-foreground">Showing the latest {BELL_LIMIT}</p>
              ) : null}
            </div>
          )
        ) : (
          <div role="alert" className="flex flex-col items-center gap-2 px-6 py-8 text-center">
            <div className="rounded-full bg-destructive/10 p-3">
              <AlertCircle className="size-5 text-destructive" aria-hidden />
            </div>
            <p className="text-sm font-medium">Notifications could not be loaded</p>
            <p className="text-xs text-muted-foreground">{query.error?.message}</p>
            <DropdownMenuItem
              onSelect={(event) => {
                event.preventDefault();
                void query.refetch();
              }}
              className="mt-1 h-8 border px-3 text-xs font-medium"
            >
              <RotateCw className={cn(query.isFetching && "animate-spin")} /> Try again
            </DropdownMenuItem>
          </div>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function CountBadge({ unread, className }: { unread: number; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex h-[1.125rem] min-w-[1.125rem] items-center justify-center rounded-full bg-destructive px-1 text-[0.6875rem] font-semibold leading-none text-white tabular-nums ring-2 ring-sidebar",
        className,
      )}
    >
      {unreadBadgeText(unread)}
    </span>
  );
}

function NotificationItem({ notification: n, onOpen }: { notification: BellItem; onOpen: () => void }) {
  const { icon: Icon, tone } = KIND_ICONS[n.kind] ?? { icon: Bell, tone: "bg-muted" };
  const unread = !n.readAt;
  const content = (
    <>
      <span className={cn("mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full [&_svg]:size-3.5!", tone)}>
        <Icon aria-hidden />
      </span>
      <span className="min-w-0 flex-1">
        <span className={cn("line-clamp-2 text-sm leading-snug", unread ? "font-semibold text-foreground" : "text-foreground/80")}>{n.title}</span>
        {n.body ? <span className="mt-0.5 line-clamp-2 text-xs leading-snug text-muted-foreground">{n.body}</span> : null}
        <RelativeTime date={n.createdAt} className="mt-1 block text-xs text-muted-foreground" />
      </span>
      {unread ? (
        <>
          <span className="mt-2 size-2 shrink-0 rounded-full bg-primary" aria-hidden />
          <span className="sr-only">(unread)</span>
        </>
      ) : null}
    </>
  );
  const className = cn("items-start gap-3 rounded-none px-3 py-3", unread && "bg-accent/60");
  if (!n.href) {
    return (
      <DropdownMenuItem onSelect={onOpen} className={className} data-testid="notification">
        {content}
      </DropdownMenuItem>
    );
  }
  // A real link, so that it can also be opened in a new tab; Enter in the menu follows it too.
  return (
    <DropdownMenuItem asChild onSelect={onOpen} className={className} data-testid="notification">
      <Link href={n.href}>{content}</Link>
    </DropdownMenuItem>
  );
}

function BellSkeleton() {
  return (
    <div className="space-y-1 p-1" aria-busy="true" aria-label="Loading notifications">
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex items-start gap-3 px-2.5 py-2.5">
          <Skeleton className="size-7 shrink-0 rounded-full" />
          <div className="flex-1 space-y-1.5">
            <Skeleton className="h-3.5 w-3/4" />
            <Skeleton className="h-3 w-full" />
            <Skeleton className="h-3 w-16" />
          </div>
        </div>
      ))}
    </div>
  );
}
