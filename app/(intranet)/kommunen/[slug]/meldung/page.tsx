import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PlacedSinceHint } from "@/components/board-placements/placed-since-hint";
import { PlacementHint } from "@/components/help/placement-hint";
import { ReportForm } from "@/components/reporting/report-form";
import { requirePageActor } from "@/lib/auth/session";
import { loadPlacedSinceLastReport } from "@/lib/board-placements/queries";
import { loadReportForm } from "@/lib/capacity/queries";
import { berlinDay, formatDay } from "@/lib/dates";
import { loadCurrentPlacementsOf } from "@/lib/help/queries";

export const metadata: Metadata = { title: "Meldung" };

export default async function ReportPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requirePageActor("report:write");
  const { slug } = await params;
  const form = await loadReportForm(actor, slug);
  if (!form) redirect("/kein-zugriff");
  const [placements, placedSince] = await Promise.all([
    loadCurrentPlacementsOf(actor, form.municipality.id),
    loadPlacedSinceLastReport(actor, form.municipality.id),
  ]);
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <p className="text-sm">
        <Link href={`/kommunen/${slug}`} className="text-brand-700 underline">
          {form.municipality.name}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Meldung für {form.municipality.name}</h1>
      <p className="text-slate-700">
        {form.prefill
          ? `Vorausgefüllt mit der Meldung vom ${formatDay(form.prefill.reportingDate)}. Ändern Sie, was sich geändert hat, und speichern Sie.`
          : "Für diese Kommune gibt es noch keine Meldung."}
        {actor.role === "COORDINATOR" && " Sie melden als Koordinierungsstab für die Kommune; das wird so vermerkt."}
      </p>
      <PlacementHint municipalityId={form.municipality.id} placements={placements} />
      <PlacedSinceHint placed={placedSince} />
      <ReportForm
        slug={slug}
        today={berlinDay()}
        baseReportId={form.baseReportId}
        prefill={
          form.prefill
            ? { figures: form.prefill.figures, situation: form.prefill.situation, confirmedWarnings: form.prefill.confirmedWarnings }
            : null
        }
      />
    </div>
  );
}
