import type { Metadata } from "next";
import Link from "next/link";
import { RentCeilingForm } from "@/components/rent-ceilings/rent-ceiling-form";
import { requirePageActor } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { listRentCeilings } from "@/lib/offers/rent-ceiling-service";
import { CEILING_SIZES } from "@/lib/offers/rent-ceilings";

export const metadata: Metadata = { title: "Mietobergrenzen" };

export default async function RentCeilingsPage() {
  const actor = await requirePageActor("board:configure");
  const municipalities = (await listRentCeilings(actor)) ?? [];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link href="/einstellungen" className="text-brand-700 underline">
            Einstellungen
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Mietobergrenzen (Kosten der Unterkunft)</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Jobcenter und Sozialamt übernehmen nur eine angemessene Warmmiete. Liegt ein Angebot der Wohnraumbörse über der Grenze für die
          Personen, die es aufnehmen kann, sieht die Angebotsseite den neutralen Hinweis „Miete über der Angemessenheitsgrenze“ und die
          Liste der Mitarbeitenden eine Markierung; kostenlose Angebote und solche bis zur Grenze findet der Filter „Kosten werden
          übernommen“. Genau auf der Grenze gilt als übernommen. Ein leeres Feld heißt: die Grenze der nächstkleineren Haushaltsgröße gilt.
        </p>
      </div>
      <section aria-labelledby="bearbeiten" className="rounded-lg bg-white p-4 shadow">
        <h2 id="bearbeiten" className="mb-3 text-xl font-semibold">
          Grenzen einer Kommune festlegen
        </h2>
        <RentCeilingForm
          municipalities={municipalities.map((m) => ({ id: m.id, name: m.name, ceilings: Object.fromEntries(m.ceilings) }))}
        />
      </section>
      <section aria-labelledby="uebersicht-grenzen" className="flex flex-col gap-2">
        <h2 id="uebersicht-grenzen" className="text-xl font-semibold">
          Alle Kommunen
        </h2>
        <div className="overflow-x-auto rounded-lg bg-white shadow">
          <table className="w-full text-left text-sm" data-testid="rent-ceilings">
            <caption className="sr-only">Mietobergrenzen je Kommune und Haushaltsgröße in Euro</caption>
            <thead className="border-b border-slate-300 bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-2">
                  Kommune
                </th>
                {CEILING_SIZES.map((size) => (
                  <th key={size} scope="col" className="px-2 py-2 text-right">
                    {size === CEILING_SIZES.at(-1) ? `${size}+ P.` : `${size} P.`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {municipalities.map((m) => (
                <tr key={m.id} className="border-b border-slate-200">
                  <th scope="row" className="px-2 py-1.5 font-medium">
                    {m.name}
                  </th>
                  {CEILING_SIZES.map((size) => (
                    <td key={size} className="px-2 py-1.5 text-right tabular-nums">
                      {m.ceilings.has(size) ? `${formatNumber(m.ceilings.get(size)!)} €` : "–"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
