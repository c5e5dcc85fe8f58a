import { Logo } from "@/components/app-shell/logo";

/** Two panes: what Handoff is on the left, the form on the right (stacked on small screens). */
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle: string; children: React.ReactNode }) {
  return (
    <div className="grid min-h-screen lg:grid-cols-[1fr_minmax(420px,520px)]">
      <section className="relative hidden overflow-hidden bg-sidebar p-12 text-sidebar-foreground lg:flex lg:flex-col lg:justify-between">
        <div className="flex items-center gap-3 text-white">
          <Logo className="size-9" />
          <span className="text-xl font-semibold tracking-tight">Handoff</span>
        </div>
        <div className="max-w-lg">
          <h2 className="text-3xl font-semibold leading-tight tracking-tight text-white">
            Hand sales the leads that convert — and prove it.
          </h2>
          <p className="mt-4 text-base leading-relaxed">
            Score every contact on fit and engagement, route MQLs to the right rep with an SLA, and calibrate the threshold
            from real MQL→SQL and MQL→customer conversion.
          </p>
          <FunnelIllustration />
        </div>
        <p className="text-xs text-sidebar-foreground/70">Open source lead management for B2B revenue teams.</p>
      </section>
      <section className="flex items-center justify-center p-6 sm:p-10">
        <div className="w-full max-w-sm">
          <div className="mb-8 flex items-center gap-2 lg:hidden">
            <Logo className="size-8" />
            <span className="text-lg font-semibold">Handoff</span>
          </div>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-1 mb-8 text-sm text-muted-foreground">{subtitle}</p>
          {children}
        </div>
      </section>
    </div>
  );
}

function FunnelIllustration() {
  const steps = [
    { label: "Leads", w: 100 },
    { label: "MQL", w: 62 },
    { label: "SAL", w: 44 },
    { label: "SQL", w: 30 },
    { label: "Won", w: 12 },
  ];
  return (
    <div className="mt-10 space-y-2" aria-hidden>
      {steps.map((s, i) => (
        <div key={s.label} className="flex items-center gap-3">
          <span className="w-12 text-xs text-sidebar-foreground/80">{s.label}</span>
          <div
            className="h-6 rounded-sm"
            style={{ width: `${s.w * 0.8}%`, background: `oklch(${0.55 + i * 0.06} 0.17 ${275 - i * 25})` }}
          />
        </div>
      ))}
    </div>
  );
}
