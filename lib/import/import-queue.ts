import "server-only";
import { randomUUID } from "node:crypto";
import { markInterruptedImportJobs, touchImportJobs } from "../../db/queries/imports";
import { removeImportFile } from "./import-files";
import { runImportJob } from "./run-import-job";

/**
 * Imports run in the server process, one at a time (a second upload waits as `queued`): on the
 * embedded database two imports would only slow each other down. The state lives on globalThis
 * so development hot reloads keep one queue.
 */
type QueueState = {
  runnerId: string;
  tail: Promise<void>;
  active: Map<string, Promise<void>>;
  heartbeat?: ReturnType<typeof setInterval>;
};

const HEARTBEAT_MS = 5_000;
/** A job whose runner has been silent this long belongs to a process that stopped. */
export const STALE_AFTER_MS = 30_000;

const globalForImports = globalThis as unknown as { handoffImportQueue?: QueueState };

function state(): QueueState {
  globalForImports.handoffImportQueue ??= { runnerId: randomUUID(), tail: Promise.resolve(), active: new Map() };
  return globalForImports.handoffImportQueue;
}

/** This server process, as recorded on the jobs it runs. */
export function importRunnerId(): string {
  return state().runnerId;
}

function startHeartbeat(s: QueueState) {
  if (s.heartbeat) return;
  s.heartbeat = setInterval(() => {
    touchImportJobs({ runnerId: s.runnerId }).catch((error) => console.error("import heartbeat failed", error));
  }, HEARTBEAT_MS);
  s.heartbeat.unref?.();
}

function stopHeartbeatWhenIdle(s: QueueState) {
  if (s.active.size === 0 && s.heartbeat) {
    clearInterval(s.heartbeat);
    s.heartbeat = undefined;
  }
}

/** Queues a job's processing in the background; the promise settles when the job has finished. */
export function enqueueImport(jobId: string): Promise<void> {
  const s = state();
  const run = s.tail.then(() => runImportJob({ jobId, runnerId: s.runnerId })).catch((error) => console.error(`import ${jobId}`, error));
  s.tail = run;
  s.active.set(jobId, run);
  startHeartbeat(s);
  void run.finally(() => {
    s.active.delete(jobId);
    stopHeartbeatWhenIdle(s);
  });
  return run;
}

/** Settles when the job has finished here (immediately when this process is not running it). */
export function importSettled(jobId: string): Promise<void> {
  return state().active.get(jobId) ?? Promise.resolve();
}

/**
 * A job left `running` by a server that stopped must not look alive forever: once its runner has
 * been silent for STALE_AFTER_MS it is marked interrupted (and its upload removed). Called when
 * imports are listed or looked at.
 */
export async function sweepInterruptedImports(): Promise<void> {
  const ids = await markInterruptedImportJobs({ runnerId: importRunnerId(), staleAfterMs: STALE_AFTER_MS });
  await Promise.all(ids.map((id) => removeImportFile(id).catch(() => {})));
}
