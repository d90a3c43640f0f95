import type { Instrumentation } from "next";

// Runs once when a server process starts: background job workers live in every app instance;
// pg-boss makes sure each job is still done only once.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ startJobWorkers }, { logger }] = await Promise.all([import("./lib/jobs"), import("./lib/log")]);
    await startJobWorkers().catch((error: unknown) => {
      logger.error({ err: error }, "job workers did not start");
    });
  }
}

// Every error a page, server action or route handler throws: one log line that ties the number the
// error page shows (Next.js's digest) to the request id, the route and the error's type and code.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ logger }, { loggablePath }, { isDatabaseUnavailable }] = await Promise.all([
    import("./lib/log"),
    import("./lib/http/route-group"),
    import("./lib/db/unavailable"),
  ]);
  const requestId = request.headers["x-request-id"];
  logger.error(
    {
      err: error,
      requestId: typeof requestId === "string" ? requestId : undefined,
      method: request.method,
      path: loggablePath(request.path),
      route: context.routePath,
      routeType: context.routeType,
      databaseUnavailable: isDatabaseUnavailable(error),
    },
    "request failed",
  );
};
