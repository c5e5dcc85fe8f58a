import type { ReactNode } from "react";
import type { Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

/**
 * A route segment's layout that checks the permission before anything is sent. A page with a
 * loading.tsx starts streaming its skeleton with a 200 before the page itself runs, so the page's
 * own check could only show the refusal, not answer 403; the layout renders first.
 */
export function authorizedLayout(permission: Permission) {
  return async function AuthorizedLayout({ children }: { children: ReactNode }) {
    await requirePermission(permission);
    return children;
  };
}
