"use client";
import { Loader2 } from "lucide-react";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { signInAction } from "@/lib/auth/actions";

export type DemoLogin = { email: string; name: string; role: string };

export function SignInForm({
  callbackUrl,
  demoLogins,
  demoPassword,
}: {
  callbackUrl?: string;
  demoLogins: DemoLogin[];
  demoPassword?: string;
}) {
  const [state, action, pending] = useActionState(signInAction, undefined);
  const formRef = useRef<HTMLFormElement>(null);

  function useDemo(email: string) {
    const form = formRef.current;
    if (!form || !demoPassword) return;
    (form.elements.namedItem("email") as HTMLInputElement).value = email;
    (form.elements.namedItem("password") as HTMLInputElement).value = demoPassword;
    form.requestSubmit();
  }

  return (
    <div className="space-y-6">
      <form ref={formRef} action={action} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
        <div className="space-y-1.5">
          <Label htmlFor="email">Work email</Label>
          <Input id="email" name="email" type="email" autoComplete="email" required autoFocus placeholder="you@company.com" />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="password">Password</Label>
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        {state?.error ? (
          <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">
            {state.error}
          </p>
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" /> : null}
          Sign in
        </Button>
      </form>
      {demoLogins.length > 0 ? (
        <div className="rounded-lg border border-dashed bg-muted/40 p-4">
          <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Demo workspace — sign in as</p>
          <div className="mt-3 grid grid-cols-2 gap-2">
            {demoLogins.map((d) => (
              <Button key={d.email} type="button" variant="outline" size="sm" disabled={pending} onClick={() => useDemo(d.email)} className="justify-start">
                <span className="font-medium">{d.role}</span>
                <span className="truncate text-muted-foreground">{d.name}</span>
              </Button>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
