import type { Metadata } from "next";
import Link from "next/link";
import { HelpRequestForm } from "@/components/help/request-form";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/session";
import { loadCountyEvaluation } from "@/lib/capacity/queries";
import { addDays, berlinDay } from "@/lib/dates";
import { helpMunicipalitiesOf } from "@/lib/help/queries";

export const metadata: Metadata = { title: "Amtshilfe anfragen" };

export default async function NewHelpRequestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("help:act");
  const today = berlinDay();
  const [query, municipalities, evaluation] = await Promise.all([
    searchParams,
    helpMunicipalitiesOf(actor),
    loadCountyEvaluation(actor, today),
  ]);
  // The persons start at the current Bedarf, as /lage shows it (agreed help counted).
  const missingOf = new Map(evaluation?.rows.map((row) => [row.municipalityId, Math.max(row.shortfall, 0)]));
  const options = municipalities.map((m) => ({ id: m.id, name: m.name, missing: missingOf.get(m.id) ?? 0 }));
  // ?kommune=<slug> (from a municipality's page) chooses the municipality first.
  const preferred = typeof query.kommune === "string" ? municipalities.find((m) => m.slug === query.kommune) : undefined;
  // Then the short municipalities, most places missing first.
  options.sort(
    (a, b) =>
      Number(b.id === preferred?.id) - Number(a.id === preferred?.id) || b.missing - a.missing || a.name.localeCompare(b.name, "de"),
  );

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link href="/amtshilfe" className="text-brand-700 underline">
            Amtshilfe
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Amtshilfe anfragen</h1>
        <p className="mt-1 max-w-2xl text-slate-700">
          Die anderen Kommunen des Landkreises sehen die Anfrage und können Plätze anbieten; der Koordinierungsstab wird benachrichtigt.
          Angenommene Angebote zählt die Lage ab ihrem ersten Tag.
        </p>
      </div>
      {options.length === 0 ? (
        <Alert tone="info">Sie können für keine Kommune Amtshilfe anfragen.</Alert>
      ) : (
        <section className="rounded-lg bg-white p-4 shadow">
          <HelpRequestForm municipalities={options} defaultNeededBy={addDays(today, 14)} />
        </section>
      )}
    </div>
  );
}
