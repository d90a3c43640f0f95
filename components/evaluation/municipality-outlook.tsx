import type { MunicipalityOutlook, OutlookSettings } from "@/lib/capacity/outlook";
import { assumptions, municipalityOutlookSentence, outlookPhrase, outlookWarning, weeksWord } from "@/lib/capacity/outlook-text";

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The municipality page's outlook: the same words as /lage's "Reicht ca." column, and why. */
export function MunicipalityOutlookSection({ outlook, settings }: { outlook: MunicipalityOutlook; settings: OutlookSettings }) {
  const warning = outlookWarning(outlook);
  return (
    <section
      aria-labelledby="reichweite"
      className={`rounded-lg border p-4 shadow sm:p-6 ${warning ? "border-red-700 bg-red-50" : "border-transparent bg-white"}`}
    >
      <h2 id="reichweite" className="mb-2 text-xl font-semibold">
        Wie lange die Plätze reichen
      </h2>
      <p className="text-lg font-semibold" data-testid="municipality-outlook" data-kind={outlook.kind}>
        {capitalised(outlookPhrase(outlook))}
        {warning && (
          <span className="ms-2 rounded bg-red-100 px-1.5 py-0.5 align-middle text-sm font-medium text-red-900" data-flag="outlook">
            {warning}
          </span>
        )}
      </p>
      {warning && <p className="text-red-900">Weniger als {weeksWord(settings.warningWeeks)}, die Warnschwelle des Landkreises.</p>}
      <p className="mt-1">{municipalityOutlookSentence(outlook, settings)}</p>
      {outlook.kind === "FORECAST" && <p className="mt-1 text-sm text-slate-700">{assumptions(settings)}</p>}
    </section>
  );
}
