import { BarChart3, Building2, Inbox, Kanban, Settings, SlidersHorizontal, Target, Upload, Users, UsersRound, type LucideIcon } from "lucide-react";
import type { UserRole } from "@/db/schema/enums";
import { can, type Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; icon: LucideIcon; permission: Permission };

export const NAV_ITEMS: NavItem[] = [
  { href: "/queue", label: "Queue", icon: Inbox, permission: "queue:work" },
  { href: "/pipeline", label: "Pipeline", icon: Kanban, permission: "pipeline:work" },
  { href: "/team", label: "Team", icon: UsersRound, permission: "leads:reassign" },
  { href: "/contacts", label: "Contacts", icon: Users, permission: "contacts:read" },
  { href: "/accounts", label: "Accounts", icon: Building2, permission: "accounts:read" },
  { href: "/funnel", label: "Funnel", icon: BarChart3, permission: "funnel:read" },
  { href: "/calibration", label: "Calibration", icon: Target, permission: "calibration:read" },
  { href: "/scoring", label: "Scoring model", icon: SlidersHorizontal, permission: "model:edit" },
  { href: "/import", label: "Import", icon: Upload, permission: "data:import" },
  { href: "/settings", label: "Settings", icon: Settings, permission: "settings:manage" },
];

export function navItemsFor(role: UserRole): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
