"use client";
import { Loader2 } from "lucide-react";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import type { UserRole } from "@/db/schema/enums";
import { cn } from "@/lib/utils";
import { navItemsFor } from "./nav-items";

export function SidebarNav({ role }: { role: UserRole }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5 px-2">
      {navItemsFor(role).map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            title={label}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
              active ? "bg-sidebar-active text-white" : "text-sidebar-foreground hover:bg-white/5 hover:text-white",
            )}
          >
            <Icon className="size-4 shrink-0" aria-hidden />
            <span className="max-xl:sr-only">{label}</span>
            <PendingIndicator />
          </Link>
        );
      })}
    </nav>
  );
}

/**
 * A spinner on the link being followed. Pages have no route-level loading.tsx on purpose: a page
 * that refuses access must answer 403, and Next.js can set the status only before streaming.
 */
function PendingIndicator() {
  const { pending } = useLinkStatus();
  return pending ? <Loader2 className="ml-auto size-3.5 animate-spin max-xl:hidden" aria-hidden /> : null;
}
