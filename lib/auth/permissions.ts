import type { UserRole } from "../../db/schema/enums";

/**
 * Who may do what (PRODUCT.md §1). The single source for server-side checks and for the
 * navigation; the UI only hides what the server would refuse anyway.
 */
export const PERMISSIONS = {
  "contacts:read": ["marketer", "sdr", "sales", "admin"],
  "contacts:export": ["marketer", "admin"],
  "accounts:read": ["marketer", "sdr", "sales", "admin"],
  "queue:work": ["sdr", "sales", "admin"],
  /** Take, convert and close handed-over SQLs (lib/leads). */
  "pipeline:work": ["sales", "admin"],
  /** Move a lead to another rep's queue or pipeline, one or many. */
  "leads:reassign": ["admin"],
  "funnel:read": ["marketer", "sales", "admin"],
  "calibration:read": ["marketer", "admin"],
  "model:read": ["marketer", "sdr", "sales", "admin"],
  "model:edit": ["marketer", "admin"],
  "data:import": ["marketer", "admin"],
  "settings:manage": ["admin"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: UserRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}

export const ROLE_LABELS: Record<UserRole, string> = {
  marketer: "Marketer",
  sdr: "SDR",
  sales: "Sales",
  admin: "Admin",
};

/** Where each role lands after signing in. */
export function homePathFor(role: UserRole): string {
  switch (role) {
    case "marketer":
      return "/funnel";
    case "sdr":
    case "sales":
      return "/queue";
    case "admin":
      return "/contacts";
  }
}
