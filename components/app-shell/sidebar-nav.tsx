"use client";
import Link from "next/link";
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
          </Link>
        );
      })}
    </nav>
  );
}
