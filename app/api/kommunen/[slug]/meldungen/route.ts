import { requireActor } from "@/lib/auth/session";
import { createCapacityReport } from "@/lib/capacity/reports";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

// JSON interface for scripts and specialised procedures: POST a report for a municipality.
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const actor = await requireActor("report:write");
    const { slug } = await params;
    const body = await request.json().catch(() => {
      throw new AppError("VALIDATION", "Der Inhalt ist kein gültiges JSON.");
    });
    const report = await createCapacityReport(actor, slug, body);
    return Response.json({ id: report.id, reportingDate: report.reportingDate.toISOString().slice(0, 10) }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
