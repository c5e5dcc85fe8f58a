import type { NextAuthConfig } from "next-auth";
import type { UserRole } from "../../db/schema/enums";

/**
 * The part of the next-auth configuration that needs neither the database nor Node APIs:
 * pages, session strategy and how id and role travel in the token. `lib/auth/index.ts` adds
 * the providers.
 */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  // Self-hosted behind whatever proxy the team runs; the host header is trusted.
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.id = user.id as string;
        token.role = (user as { role: UserRole }).role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.id) session.user.id = token.id as string;
      if (token.role) session.user.role = token.role as UserRole;
      return session;
    },
  },
} satisfies NextAuthConfig;
