import type { Metadata } from "next";
import Link from "next/link";
import { NeighbourForm } from "@/components/neighbours/neighbour-form";
import { SelectField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { loadNeighbourhood } from "@/lib/neighbours/service";

export const metadata: Metadata = { title: "Nachbarn" };

export default async function NeighboursPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("neighbours:manage");
  const hood = await loadNeighbourhood(actor);
  if (!hood) return null;
  const raw = (await searchParams).kommune;
  const slug = Array.isArray(raw) ? raw[0] : raw;
  const { municipalities, neighboursOf } = hood;
  // An unknown slug (or another county's) shows the first municipality.
  const selected = municipalities.find((m) => m.slug === slug) ?? municipalities[0];
  const nameOf = new Map(municipalities.map((m) => [m.id, m.name]));
  const describe = (id: string) =>
    [...(neighboursOf.get(id) ?? [])]
      .map(([neighbour, minutes]) => ({ name: nameOf.get(neighbour)!, minutes }))
      .sort((a, b) => a.name.localeCompare(b.name, "de"))
      .map(({ name, minutes }) => (minutes === null ? name : `${name} (${formatNumber(minutes)} Min.)`))
      .join(", ");

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold">Nachbarn</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Der{" "}
          <Link href="/lage/ausgleich" className="font-medium text-brand-700 underline">
            Ausgleichsvorschlag
          </Link>{" "}
          bevorzugt Nachbarkommunen, die mit kürzerer Fahrzeit zuerst: Menschen bleiben so nahe an Schule, Arbeit und Ämtern. Erfassen Sie
          hier für jede Kommune ihre Nachbarn.
        </p>
      </div>

      {!selected ? (
        <p>Dieser Landkreis hat noch keine Kommunen.</p>
      ) : (
        <section aria-labelledby="bearbeiten" className="flex flex-col gap-4 rounded-lg bg-white p-4 shadow sm:p-6">
          <h2 id="bearbeiten" className="text-xl font-semibold">
            Nachbarn von {selected.name}
          </h2>
          <form method="get" className="flex flex-wrap items-end gap-2">
            <div className="min-w-56">
              <SelectField id="kommune" name="kommune" label="Kommune" defaultValue={selected.slug}>
                {municipalities.map((m) => (
                  <option key={m.id} value={m.slug}>
                    {m.name}
                  </option>
                ))}
              </SelectField>
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              Auswählen
            </button>
          </form>
          <NeighbourForm
            key={selected.id}
            municipality={{ id: selected.id, name: selected.name }}
            candidates={municipalities
              .filter((m) => m.id !== selected.id)
              .map((m) => {
                const minutes = neighboursOf.get(selected.id)?.get(m.id);
                return { id: m.id, name: m.name, checked: minutes !== undefined, minutes: minutes == null ? "" : String(minutes) };
              })}
          />
        </section>
      )}

      <section aria-labelledby="uebersicht-nachbarn" className="rounded-lg bg-white shadow">
        <h2 id="uebersicht-nachbarn" className="px-4 pt-4 text-xl font-semibold sm:px-6">
          Alle Nachbarschaften
        </h2>
        <table className="mt-2 w-full text-left" data-testid="neighbour-overview">
          <caption className="sr-only">Alle Kommunen mit ihren Nachbarn und Fahrzeiten</caption>
          <thead className="border-b border-slate-300 bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="px-4 py-2 sm:px-6">
                Kommune
              </th>
              <th scope="col" className="px-4 py-2 sm:px-6">
                Nachbarn (Fahrzeit)
              </th>
            </tr>
          </thead>
          <tbody>
            {municipalities.map((m) => (
              <tr key={m.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-4 py-2 font-medium sm:px-6">
                  <Link href={`/verwaltung/nachbarn?kommune=${m.slug}`} className="text-brand-700 underline">
                    {m.name}
                  </Link>
                </th>
                <td className="px-4 py-2 sm:px-6">{describe(m.id) || "keine erfasst"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
