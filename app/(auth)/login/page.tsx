import { connection } from "next/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLayout } from "@/components/auth/auth-layout";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Button } from "@/components/ui/button";
import { signInWithOidcAction } from "@/lib/auth/actions";
import { hasAnyUser } from "@/db/queries/users";
import { oidcProviderName } from "@/lib/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { listDemoLogins, DEMO_PASSWORD } from "@/db/queries/demo-logins";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  await connection(); // reads the database: never prerendered at build time
  if (!(await hasAnyUser())) redirect("/setup");
  if (await getCurrentUser()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  const [demoLogins, oidcName] = [await listDemoLogins(), oidcProviderName()];
  return (
    <AuthLayout title="Sign in" subtitle="Welcome back. Your queue and funnel are waiting.">
      {error === "AccessDenied" ? (
        <p role="alert" className="mb-4 rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">
          That account has no access to this workspace.
        </p>
      ) : null}
      {oidcName ? (
        <form action={signInWithOidcAction} className="mb-6">
          <Button variant="outline" className="w-full" type="submit">
            Continue with {oidcName}
          </Button>
        </form>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} demoLogins={demoLogins} demoPassword={demoLogins.length ? DEMO_PASSWORD : undefined} />
    </AuthLayout>
  );
}
