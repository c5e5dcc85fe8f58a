import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authSecret } from "./lib/env";
import { authConfig } from "./lib/auth/config";

const { auth } = NextAuth({ ...authConfig, secret: authSecret() });

const PUBLIC_PATHS = ["/login", "/setup"];

/**
 * Sends signed-out visitors of app pages to the sign-in page. A convenience only: every page,
 * route handler and server action checks the session and role itself.
 */
export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth || PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    return NextResponse.next();
  }
  const login = new URL("/login", request.nextUrl.origin);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
});

export const config = {
  // Pages only: API routes answer 401 JSON themselves; static files need no session.
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|jpg|webp)$).*)"],
};
