import { connection } from "next/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLayout } from "@/components/auth/auth-layout";
import { SetupForm } from "@/components/auth/setup-form";
import { hasAnyUser } from "@/db/queries/users";

export const metadata: Metadata = { title: "Set up Handoff" };

/** First run of a real install: no users yet, so the first person becomes the admin. */
export default async function SetupPage() {
  await connection(); // reads the database: never prerendered at build time
  if (await hasAnyUser()) redirect("/login");
  return (
    <AuthLayout title="Set up your workspace" subtitle="Create the first admin. You can invite marketers, SDRs and sales afterwards.">
      <SetupForm />
    </AuthLayout>
  );
}
