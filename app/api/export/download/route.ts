import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { csvResponse, workbookResponse } from "@/lib/exports/service";
import { guardedJsonRoute } from "@/lib/http/request-guard";

/** The /export page's form (a plain GET form): format, table and Stand in one request. */
export const GET = guardedJsonRoute(async (request: Request) => {
  const actor = await requireActor("export:read");
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "xlsx";
  if (format === "xlsx") return workbookResponse(actor, params.get("stand"));
  if (format === "csv") return csvResponse(actor, params.get("stand"), params.get("table"));
  throw new AppError("VALIDATION", "Unbekanntes Format: xlsx oder csv.", { format: ["Unbekanntes Format."] });
});
