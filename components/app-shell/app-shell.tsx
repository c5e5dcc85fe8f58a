import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/session";
import { Logo } from "./logo";
import { NotificationBell } from "./notification-bell";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

/** Sidebar navigation for the signed-in role; collapses to icons below 1280 px (laptops keep the room for tables). */
export function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-16 shrink-0 flex-col bg-sidebar xl:w-60">
        <Link href="/" className="flex h-14 items-center gap-2.5 px-4 text-white">
          <Logo className="size-7 shrink-0" />
          <span className="text-base font-semibold tracking-tight max-xl:hidden">Handoff</span>
        </Link>
        <div className="mt-2 flex-1 overflow-y-auto">
          <SidebarNav role={user.role} />
        </div>
        <div className="space-y-0.5 border-t border-white/10 p-2">
          <NotificationBell />
          <UserMenu name={user.name} email={user.email} role={user.role} />
        </div>
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}

export function PageHeader({
  title,
  description,
  actions,
  children,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <header className="border-b bg-card px-6 py-4 lg:px-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="min-w-0">
          <h1 className="truncate text-xl font-semibold tracking-tight">{title}</h1>
          {description ? <p className="mt-0.5 text-sm text-muted-foreground">{description}</p> : null}
        </div>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </header>
  );
}
