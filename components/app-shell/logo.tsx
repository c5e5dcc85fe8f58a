export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden>
      <rect width="32" height="32" rx="8" fill="oklch(0.51 0.21 275)" />
      <path d="M9 22V10m0 6h8m0-6v12" stroke="white" strokeWidth="2.6" strokeLinecap="round" fill="none" />
      <path d="M20.5 12.5 24 16l-3.5 3.5" stroke="oklch(0.85 0.1 160)" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" fill="none" />
    </svg>
  );
}
