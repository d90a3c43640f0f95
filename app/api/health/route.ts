import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return Response.json(
    {
      status: health.ok ? "ok" : "degraded",
      app: { name: "wohnraum", version: process.env.npm_package_version ?? "0.1.0" },
      database: health.database,
    },
    {
      status: health.ok ? 200 : 503,
      headers: { "Cache-Control": "no-store", ...(health.ok ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) }) },
    },
  );
}
