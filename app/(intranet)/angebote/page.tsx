import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { RecordPlacementForm } from "@/components/board-placements/record-placement-form";
import { StaffOfferActions } from "@/components/oversight/staff-offer-actions";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/session";
import { loadPlacementsByOffer } from "@/lib/board-placements/queries";
import { berlinDay, formatDateTime } from "@/lib/dates";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { canExtend } from "@/lib/offers/lifecycle";
import { countOpenFollowUps, listStaffOffers, STAFF_LIST_LIMIT, type StaffOffer } from "@/lib/offers/oversight";
import {
  ENDED_BY_LABELS,
  OFFER_STATES,
  OFFER_TYPE_LABELS,
  STATE_LABELS,
  STATE_PARAMS,
  stateFromParam,
} from "@/lib/offers/oversight-schema";

export const metadata: Metadata = { title: "Wohnraumbörse" };

const COLUMNS = ["Angebot", "Kommune", "PLZ", "Status", "Erstellt", "Bestätigt", "Läuft ab", "Beendet", "Nachrichten", "Aktionen"];

const when = (date: Date | null) => (date ? formatDateTime(date) : "–");

function offerLabel(offer: StaffOffer) {
  return `${OFFER_TYPE_LABELS[offer.type] ?? offer.type} für ${offer.persons} ${offer.persons === 1 ? "Person" : "Personen"}`;
}

/** Extend and end, and for those who report "Vermittlung erfassen" (not for unconfirmed offers, which were never on the board). */
function OfferActions({
  offer,
  today,
  recorded,
}: {
  offer: StaffOffer;
  today: string | null;
  recorded?: { placements: number; persons: number };
}) {
  const extendable = canExtend(offer.state) && !offer.personalDataErasedAt;
  const endable = offer.state === "pending" || offer.state === "published" || offer.state === "expired";
  const recordable = today !== null && offer.state !== "pending";
  return (
    <div className="flex min-w-56 flex-col gap-2">
      {(extendable || endable || !recordable) && (
        <StaffOfferActions offerId={offer.id} offerLabel={offerLabel(offer)} canExtend={extendable} canEnd={endable} />
      )}
      {recordable && <RecordPlacementForm offerId={offer.id} offerLabel={offerLabel(offer)} today={today} recorded={recorded} />}
    </div>
  );
}

export default async function OffersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("offers:oversee");
  const state = stateFromParam((await searchParams).status);
  const [{ offers, counts, total, staleHidden }, openFollowUps] = await Promise.all([
    listStaffOffers(actor, { state }),
    countOpenFollowUps(actor),
  ]);
  // Placements from the board are the municipality's own figures: recorded by those who report.
  const today = can(actor, "report:write") ? berlinDay() : null;
  const recorded = today
    ? await loadPlacementsByOffer(
        actor,
        offers.map((offer) => offer.id),
      )
    : new Map<string, never>();
  const all = OFFER_STATES.reduce((sum, key) => sum + counts[key], 0);
  const tabs = [
    { href: "/angebote", label: "Alle", count: all, current: !state },
    ...OFFER_STATES.map((key) => ({
      href: `/angebote?status=${STATE_PARAMS[key]}`,
      label: STATE_LABELS[key],
      count: counts[key],
      current: state === key,
    })),
  ];
  // "Unbestätigt" → "Unbestätigte Angebote": every state label takes the same ending.
  const caption = `${state ? `${STATE_LABELS[state]}e` : "Alle"} Angebote, neueste zuerst`;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Wohnraumbörse</h1>
          <p className="mt-1 text-slate-700">
            {actor.role === "CLERK" ? "Die Angebote Ihrer Kommune." : "Die Angebote aller Kommunen des Landkreises."} Kontaktdaten der
            Anbietenden stehen nur in der Nachbetreuung.
          </p>
          <p className="mt-1 text-sm text-slate-700">
            Plakat zum Aushängen:{" "}
            {LOCALES.map((locale, index) => (
              <Fragment key={locale}>
                {index > 0 && " · "}
                {/* A full page load: the root layout sets lang and dir only then. */}
                <a href={`/${locale}/plakat`} hrefLang={locale} lang={locale} className="text-brand-700 underline">
                  {LOCALE_NAMES[locale]}
                </a>
              </Fragment>
            ))}
          </p>
        </div>
        {/* No prefetch: rendering that page records a view of contact data, which only a visit should. */}
        <Link href="/angebote/nachbetreuung" prefetch={false} className="font-medium text-brand-700 underline">
          Nachbetreuung ({openFollowUps} offen)
        </Link>
      </div>
      {staleHidden > 0 && (
        <Alert tone="info">
          {staleHidden === 1 ? "1 veröffentlichtes Angebot ist" : `${staleHidden} veröffentlichte Angebote sind`} ausgeblendet, weil die
          Anbietenden nicht auf „Ist Ihr Angebot noch aktuell?“ geantwortet haben.
        </Alert>
      )}
      <nav aria-label="Angebote nach Status">
        <ul className="flex flex-wrap gap-2">
          {tabs.map((tab) => (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={tab.current ? "page" : undefined}
                className={`block rounded-md border px-3 py-1.5 text-sm font-medium ${
                  tab.current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-slate-900 hover:bg-slate-100"
                }`}
              >
                {tab.label} ({tab.count})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {total > STAFF_LIST_LIMIT && (
        <Alert tone="info">
          Es werden die neuesten {STAFF_LIST_LIMIT} von {total} Angeboten angezeigt.
        </Alert>
      )}
      <section className="overflow-x-auto rounded-lg bg-white shadow">
        {offers.length === 0 ? (
          <p className="p-6">Keine Angebote in dieser Auswahl.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{caption}</caption>
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
              {offers.map((offer) => (
                <tr key={offer.id} data-offer={offer.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {offerLabel(offer)}
                    {offer.isDemo && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">Demo</span>}
                    {offer.rent.kind === "ABOVE" && (
                      // For moderators: the rent is above the county's ceiling (KdU) for its persons.
                      <div className="mt-1">
                        <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900" data-flag="rent-above-ceiling">
                          Miete {offer.warmRentEuros} € über Obergrenze {offer.rent.maxWarmRent} € ({offer.rent.persons} Pers.)
                        </span>
                      </div>
                    )}
                  </th>
                  <td className="px-3 py-2">{offer.municipalityName}</td>
                  <td className="px-3 py-2">{offer.postalCode}</td>
                  <td className="px-3 py-2">
                    {STATE_LABELS[offer.state]}
                    {offer.stale.hiddenAt ? (
                      <div className="mt-1">
                        <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950" data-flag="stale-hidden">
                          Ausgeblendet seit {when(offer.stale.hiddenAt)} (Nachfrage unbeantwortet)
                        </span>
                      </div>
                    ) : offer.stale.checkSentAt ? (
                      <div className="mt-1 text-slate-700" data-flag="stale-check">
                        Nachgefragt am {when(offer.stale.checkSentAt)}: noch aktuell?
                      </div>
                    ) : null}
                    {offer.personalDataErasedAt && <div className="text-slate-600">Kontaktdaten gelöscht</div>}
                  </td>
                  <td className="px-3 py-2">{when(offer.createdAt)}</td>
                  <td className="px-3 py-2">{when(offer.confirmedAt)}</td>
                  <td className="px-3 py-2">{offer.state === "placed" || offer.state === "deleted" ? "–" : when(offer.expiresAt)}</td>
                  <td className="px-3 py-2">
                    {when(offer.endedAt)}
                    {offer.endedBy && <div className="text-slate-600">durch {ENDED_BY_LABELS[offer.endedBy]}</div>}
                  </td>
                  <td className="px-3 py-2">
                    {offer.contactCount}
                    {offer.stale.noAnswer + offer.stale.taken > 0 && (
                      <div className="text-slate-700" data-flag="stale-marks">
                        Rückmeldungen: {offer.stale.noAnswer}× keine Antwort, {offer.stale.taken}× vergeben
                        {offer.stale.marks > 0 && ` (${offer.stale.marks} seit letzter Bestätigung)`}
                      </div>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <OfferActions offer={offer} today={today} recorded={recorded.get(offer.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
