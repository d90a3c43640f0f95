import type { ChildProcess } from "node:child_process";

// Watches the embedded PostgreSQL's postmaster. When it dies while nobody is stopping it (a
// crash, the OOM killer, a kill by hand), it is started again, at most MAX_RESTARTS times within
// RESTART_WINDOW_MS, each with a log line; after that, or when a restart does not come up,
// `onGiveUp` is told once, so `npm start` can end with a clear line and a non-zero exit code for a
// process manager to act on. The app meanwhile answers 503 (lib/db/unavailable.ts).

export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 5 * 60_000;
/** A killed postmaster's backends need a moment to leave its shared memory. */
const START_ATTEMPTS = 10;
const START_RETRY_MS = 1000;
const INTENDED_STOP_GRACE_MS = 500;

export interface SupervisedServer {
  /** The running postmaster, if any. */
  child(): ChildProcess | undefined;
  start(): Promise<void>;
}

export interface Supervisor {
  /** Stops watching: a stop from here on is intended. */
  release(): void;
  /** Whether the postmaster is currently running. */
  running(): boolean;
}

export function supervisePostgres(
  server: SupervisedServer,
  options: { log: (line: string) => void; onGiveUp: (reason: string) => void; now?: () => number },
): Supervisor {
  const now = options.now ?? Date.now;
  let released = false;
  let gaveUp = false;
  let restarts: number[] = [];

  const giveUp = (reason: string) => {
    if (gaveUp) return;
    gaveUp = true;
    options.onGiveUp(reason);
  };

  const watch = () => {
    const child = server.child();
    if (!child) return;
    child.once("exit", (code, signal) => {
      // Ctrl-C reaches the whole process group: PostgreSQL may see it, and exit, a moment before
      // npm start's own handler says a stop is intended. Wait that moment before restarting.
      setTimeout(() => {
        if (!released) void restart(signal ? `signal ${signal}` : `exit code ${code}`);
      }, INTENDED_STOP_GRACE_MS);
    });
  };

  const restart = async (how: string) => {
    const at = now();
    restarts = restarts.filter((time) => at - time < RESTART_WINDOW_MS);
    if (restarts.length >= MAX_RESTARTS) {
      giveUp(
        `The embedded PostgreSQL stopped (${how}) for the ${MAX_RESTARTS + 1}th time within ${RESTART_WINDOW_MS / 60_000} minutes; giving up.`,
      );
      return;
    }
    restarts.push(at);
    options.log(`The embedded PostgreSQL stopped unexpectedly (${how}); restarting it (${restarts.length} of ${MAX_RESTARTS}) ...`);
    for (let attempt = 1; attempt <= START_ATTEMPTS && !released; attempt++) {
      try {
        await server.start();
        options.log("The embedded PostgreSQL is running again.");
        watch();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, START_RETRY_MS));
      }
    }
    if (!released) giveUp(`The embedded PostgreSQL could not be restarted after it stopped (${how}); giving up.`);
  };

  watch();
  return {
    release: () => {
      released = true;
    },
    running: () => {
      const child = server.child();
      return Boolean(child && child.exitCode === null && child.signalCode === null);
    },
  };
}
