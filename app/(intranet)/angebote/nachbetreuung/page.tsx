import type { Metadata } from "next";
import Link from "next/link";
import { AdviceDoneForm } from "@/components/oversight/advice-done-form";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_LABELS, OFFER_TYPE_LABELS } from "@/lib/offers/oversight-schema";
import { isLocale } from "@/lib/i18n/locales";
import { listAdviceFollowUps } from "@/lib/offers/oversight";

export const metadata: Metadata = { title: "Nachbetreuung" };

const COLUMNS = ["Angebot", "Kommune", "Vermittelt am", "E-Mail", "Telefon", "Sprache", "Beratung"];

export default async function FollowUpPage() {
  const actor = await requirePageActor("offers:oversee");
  const offers = await listAdviceFollowUps(actor);
  const open = offers.filter((offer) => !offer.adviceDoneAt).length;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p>
          <Link href="/angebote" className="text-brand-700 underline">
            Zur Wohnraumbörse
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold">Nachbetreuung</h1>
        <p className="mt-1 text-slate-700">
          Vermittelte Angebote, deren Anbietende um weitere Beratung gebeten haben: {open} offen, {offers.length - open} erledigt.
        </p>
      </div>
      <Alert tone="warning" title="Protokollierter Zugriff">
        Diese Seite zeigt Kontaktdaten. Jeder Aufruf wird mit Ihrem Namen und den angezeigten Angeboten protokolliert. Nutzen Sie die Daten
        nur für die Beratung.
      </Alert>
      <section className="overflow-x-auto rounded-lg bg-white shadow">
        {offers.length === 0 ? (
          <p className="p-6">Niemand hat um Beratung gebeten.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Vermittelte Angebote mit Beratungswunsch, offene zuerst</caption>
            <thead className="border-b border-slate-300 bg-slate-100">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-3 py-2">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {offers.map((offer) => {
                const label = `${OFFER_TYPE_LABELS[offer.type] ?? offer.type} für ${offer.persons} ${offer.persons === 1 ? "Person" : "Personen"}`;
                return (
                  <tr key={offer.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {label}
                      <div className="font-normal text-slate-700">PLZ {offer.postalCode}</div>
                      {offer.isDemo && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">Demo</span>}
                    </th>
                    <td className="px-3 py-2">{offer.municipality.name}</td>
                    <td className="px-3 py-2">{offer.endedAt ? formatDateTime(offer.endedAt) : "–"}</td>
                    <td className="px-3 py-2">
                      {offer.contactEmail ? (
                        <a href={`mailto:${offer.contactEmail}`} className="text-brand-700 underline">
                          {offer.contactEmail}
                        </a>
                      ) : (
                        <span className="text-slate-600">gelöscht</span>
                      )}
                    </td>
                    <td className="px-3 py-2">{offer.contactPhone ?? "–"}</td>
                    <td className="px-3 py-2">{isLocale(offer.locale) ? LOCALE_LABELS[offer.locale] : offer.locale}</td>
                    <td className="px-3 py-2">
                      {offer.adviceDoneAt ? (
                        `erledigt am ${formatDateTime(offer.adviceDoneAt)}`
                      ) : (
                        <AdviceDoneForm offerId={offer.id} offerLabel={label} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
