import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { z } from "zod";
import { authSecret, env } from "../env";
import { authConfig } from "./config";
import { findOrLinkOidcUser, findUserForSignIn } from "./users";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const user = await findUserForSignIn(parsed.data.email);
        // Verify against a dummy hash when the user is unknown, so timing does not reveal emails.
        const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, parsed.data.password);
        if (!user || !ok || user.deactivatedAt) throw new InvalidCredentials();
        return { id: user.id, name: user.name, email: user.email, role: user.role };
      },
    }),
  ];
  const e = env();
  if (e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET) {
    list.push({
      id: "oidc",
      name: e.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
    });
  }
  return list;
}

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1NwOWf9CSG1GkF9ZSc3B8Fd8xNWmZlDJQhIkYXIcLBo";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: authSecret(),
  providers: providers(),
  logger: {
    // A wrong password is an everyday event, not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      const linked = await findOrLinkOidcUser({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        type: account.type,
        email: profile?.email ?? user.email ?? null,
        name: profile?.name ?? user.name ?? null,
        defaultRole: env().AUTH_OIDC_DEFAULT_ROLE,
      });
      if (!linked) return "/login?error=AccessDenied";
      user.id = linked.id;
      user.role = linked.role;
      return true;
    },
  },
});

export function oidcProviderName(): string | null {
  const e = env();
  return e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET ? e.AUTH_OIDC_NAME : null;
}
