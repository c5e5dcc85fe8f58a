/**
 * Runs once when a Next.js server starts: starts the durable job queue's workers (webhook
 * deliveries and their sweep) in the Node.js runtime.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Next.js does not call register() while building; this keeps it so should that change, as the
  // queue opens the database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobQueue } = await import("./lib/jobs/queue");
  try {
    await startJobQueue();
  } catch (error) {
    // The app still works; deliveries are kept as pending rows and go out once a queue starts.
    console.error(`The job queue did not start, webhooks wait until it does: ${(error as Error).message}`);
  }
}
