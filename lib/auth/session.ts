import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { User } from "../../db/schema";
import { apiError } from "../http/errors";
import { auth } from "./index";
import { can, type Permission } from "./permissions";
import { findActiveUserById } from "./users";

export type CurrentUser = Pick<User, "id" | "name" | "email" | "role" | "timezone">;

/**
 * The signed-in user, read fresh from the database on every request: a deactivated user or a
 * changed role takes effect at once, whatever the session cookie still says.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findActiveUserById(id);
  if (!user) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, timezone: user.timezone };
}

/** For pages and server actions: redirect to sign-in, or render 403, unless allowed. */
export async function requirePermission(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}

/** For route handlers: the user, or the 401/403 JSON response to return. */
export async function authorizeRequest(
  permission: Permission,
): Promise<{ user: CurrentUser; response?: undefined } | { user?: undefined; response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: apiError("unauthorized:session", "Sign in to continue.") };
  if (!can(user.role, permission)) {
    return { response: apiError(`forbidden:${permission.split(":")[0]}`, "Your role does not allow this.") };
  }
  return { user };
}
