/** How a new MQL finds its rep, in the order lib/routing/choose-assignee.ts applies. */
const STEPS = [
  {
    title: "Account owner",
    text: "A lead whose account has an active owner goes to that owner, even when they are away or at their cap: the account stays in one pair of hands.",
  },
  {
    title: "Rules, top to bottom",
    text: "Otherwise the first active rule whose conditions all match decides. If its rep is away or its territory has no one free, the next matching rule is tried.",
  },
  {
    title: "Unassigned",
    text: "When no rule can place the lead it waits unassigned, and its routing note says which rule matched and who was unavailable.",
  },
];

export function RoutingExplainer() {
  return (
    <ol className="grid gap-3 md:grid-cols-3" aria-label="How a new MQL is routed">
      {STEPS.map((step, i) => (
        <li key={step.title} className="flex gap-3 rounded-md bg-muted/60 p-3">
          <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-card text-xs font-semibold text-muted-foreground shadow-sm">{i + 1}</span>
          <div className="space-y-0.5">
            <p className="text-sm font-medium">{step.title}</p>
            <p className="text-xs leading-relaxed text-muted-foreground">{step.text}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
