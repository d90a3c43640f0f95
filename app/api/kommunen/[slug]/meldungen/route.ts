import { requireActor } from "@/lib/auth/session";
import { loadMunicipality, loadReportHistory } from "@/lib/capacity/queries";
import { submitCapacityReport } from "@/lib/capacity/submit";
import { notFound } from "@/lib/errors";
import { guardedJsonRoute } from "@/lib/http/request-guard";

// JSON interface for scripts and specialised procedures.

/** The municipality's reports, newest first; `latestSavedId` is the base for the next POST. */
export const GET = guardedJsonRoute(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const actor = await requireActor("evaluation:read");
  const municipality = await loadMunicipality(actor, (await params).slug);
  if (!municipality) throw notFound("Diese Kommune gibt es nicht.");
  const reports = await loadReportHistory(actor, municipality.id);
  const latestSaved = reports.reduce<(typeof reports)[number] | null>(
    (latest, report) => (!latest || report.createdAt > latest.createdAt ? report : latest),
    null,
  );
  return Response.json({
    municipality: { name: municipality.name, slug: municipality.slug },
    latestSavedId: latestSaved?.id ?? null,
    reports,
  });
});

/**
 * A new report. `baseReportId` must be the latest saved report (409 with the newer one
 * otherwise); plausibility warnings must be confirmed (`confirmedWarnings`, `warningNote`),
 * or the answer is 422 with the warnings. Nothing is saved in either case.
 */
export const POST = guardedJsonRoute(async (_request: Request, { params }: { params: Promise<{ slug: string }> }, { body }) => {
  const actor = await requireActor("report:write");
  const { slug } = await params;
  const result = await submitCapacityReport(actor, slug, body);
  const status = result.status === "saved" ? 201 : result.status === "conflict" ? 409 : 422;
  return Response.json(result, { status });
});
