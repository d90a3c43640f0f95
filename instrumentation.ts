// Runs once when a server process starts: background job workers live in every app instance;
// pg-boss makes sure each job is still done only once.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startJobWorkers } = await import("./lib/jobs");
    await startJobWorkers().catch((error: unknown) => {
      console.error(`[jobs] workers did not start: ${(error as Error).message}`);
    });
  }
}
