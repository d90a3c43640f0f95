import { requireActor } from "@/lib/auth/session";
import { confirmUnchangedReport } from "@/lib/capacity/unchanged";
import { guardedJsonRoute } from "@/lib/http/request-guard";

/**
 * "Unverändert melden" for scripts: `{ "baseReportId": … }` (the latest saved report) records
 * today's report with its figures. 409 if a newer report was saved, 422 if the figures raise
 * warnings nobody confirmed yet (then a full report is needed).
 */
export const POST = guardedJsonRoute(async (_request: Request, { params }: { params: Promise<{ slug: string }> }, { body }) => {
  const actor = await requireActor("report:write");
  const result = await confirmUnchangedReport(actor, (await params).slug, body);
  const status = result.status === "saved" ? 201 : result.status === "conflict" ? 409 : 422;
  return Response.json(result, { status });
});
