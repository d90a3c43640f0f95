import type { Metadata } from "next";
import Link from "next/link";
import { PrintReport } from "@/components/exports/print-report";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/session";
import { loadPrintReport } from "@/lib/exports/print";

export const metadata: Metadata = { title: "Druckbericht: Lage im Landkreis" };

/** /lage/druck?stand=YYYY-MM-DD: the evaluation for one Stand, laid out for A4 landscape. */
export default async function PrintReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("export:read");
  const result = await loadPrintReport(actor, (await searchParams).stand);
  if ("problem" in result) {
    return (
      <div className="mx-auto flex max-w-3xl flex-col gap-4">
        <h1 className="text-2xl font-semibold">Druckbericht</h1>
        <Alert tone="error" title="Für diesen Stand gibt es keinen Bericht.">
          {result.problem}
        </Alert>
        <Link href="/lage" className="text-brand-700 underline">
          Zurück zur Lage
        </Link>
      </div>
    );
  }
  return <PrintReport report={result.report} />;
}
