import "server-only";
import { db } from "./db/client";

export async function checkHealth(timeoutMs = 2000) {
  const started = Date.now();
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs))]);
    return { ok: true as const, database: { status: "ok", latencyMs: Date.now() - started } };
  } catch {
    return { ok: false as const, database: { status: "unreachable" } };
  }
}
