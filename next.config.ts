import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own folder; bundled, it fails at the
  // first query. argon2 is a native addon. papaparse's Node stream parser only exists in its
  // `main` build (the browser build would be picked if it were bundled).
  // pg-boss (the job queue) stays a plain Node module like the drivers it sits beside.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "papaparse", "pg-boss"],
  poweredByHeader: false,
  // `npm run dev` serves http://localhost:3000; opened as 127.0.0.1 instead, the development
  // server would refuse its own scripts to that origin and the pages would never hydrate.
  allowedDevOrigins: ["127.0.0.1"],
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
};

export default nextConfig;
