import type { Metadata } from "next";
import Link from "next/link";
import { BoardSettingsForm } from "@/components/oversight/board-settings-form";
import { EmbedSettingsForm } from "@/components/oversight/embed-settings-form";
import { embedSnippet } from "@/lib/offers/embed";
import { env } from "@/lib/env";
import { LegalTextForm } from "@/components/oversight/legal-text-form";
import { MailboxForm } from "@/components/oversight/mailbox-form";
import { CountySettingsForm } from "@/components/settings/county-settings-form";
import { OutlookSettingsForm } from "@/components/settings/outlook-settings-form";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/session";
import { countyOf } from "@/lib/capacity/queries";
import { listReminders } from "@/lib/capacity/reminder-log";
import { formatDateTime, formatDay, dateToDay } from "@/lib/dates";
import { LOCALES } from "@/lib/i18n/locales";
import { listLegalTexts, listMunicipalityMailboxes } from "@/lib/offers/board-settings";
import { LEGAL_TEXT_KINDS, LEGAL_TEXT_LABELS } from "@/lib/offers/oversight-schema";

export const metadata: Metadata = { title: "Einstellungen" };

export default async function SettingsPage() {
  const actor = await requirePageActor("settings:manage");
  const boardAdmin = can(actor, "board:configure");
  const [county, reminders, mailboxes, legalTexts] = await Promise.all([
    countyOf(actor),
    listReminders(actor),
    listMunicipalityMailboxes(actor),
    listLegalTexts(actor),
  ]);
  const legalText = (kind: string, locale: string) => {
    const text = legalTexts.find((candidate) => candidate.kind === kind && candidate.locale === locale);
    return text ? { body: text.body, version: text.version, updatedAt: formatDateTime(text.updatedAt) } : null;
  };
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Einstellungen: {county.name}</h1>
      <section aria-labelledby="intervall" className="rounded-lg bg-white p-6 shadow">
        <h2 id="intervall" className="mb-4 text-xl font-semibold">
          Meldeintervall
        </h2>
        <CountySettingsForm reportingIntervalDays={county.reportingIntervalDays} />
      </section>
      <section aria-labelledby="reichweite" className="rounded-lg bg-white p-6 shadow">
        <h2 id="reichweite" className="mb-2 text-xl font-semibold">
          Reichweite der Plätze
        </h2>
        <p className="mb-4 text-slate-700">
          Die Lage zeigt je Kommune, wie viele Wochen ihre freien Plätze bei den neuen Zuweisungen der letzten Meldewochen ungefähr reichen
          (Spalte „Reicht ca.“).
        </p>
        <OutlookSettingsForm
          settings={{ outlookWindowWeeks: county.outlookWindowWeeks, outlookWarningWeeks: county.outlookWarningWeeks }}
        />
      </section>
      {can(actor, "neighbours:manage") && (
        <section aria-labelledby="nachbarn" className="rounded-lg bg-white p-6 shadow">
          <h2 id="nachbarn" className="mb-2 text-xl font-semibold">
            Nachbarkommunen
          </h2>
          <p className="text-slate-700">
            Der Ausgleichsvorschlag bevorzugt Nachbarkommunen, die mit kürzerer Fahrzeit zuerst.{" "}
            <Link href="/verwaltung/nachbarn" className="text-brand-700 underline">
              Nachbarn und Fahrzeiten erfassen
            </Link>
          </p>
        </section>
      )}
      <section aria-labelledby="erinnerungen" className="rounded-lg bg-white p-6 shadow">
        <h2 id="erinnerungen" className="mb-2 text-xl font-semibold">
          Erinnerungen
        </h2>
        <p className="mb-4 text-slate-700">
          Jeden Morgen erinnert Wohnraum die Sachbearbeitung der Kommunen, deren letzte Meldung älter als das Meldeintervall ist, per E-Mail
          mit einem Link zum vorausgefüllten Formular.
        </p>
        {reminders.length === 0 ? (
          <p>Bisher wurde niemand erinnert.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Verschickte Erinnerungen, neueste zuerst</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-2">
                  Zeitpunkt
                </th>
                <th scope="col" className="px-2 py-2">
                  Kommune
                </th>
                <th scope="col" className="px-2 py-2">
                  Letzte Meldung damals
                </th>
                <th scope="col" className="px-2 py-2">
                  Empfänger
                </th>
              </tr>
            </thead>
            <tbody>
              {reminders.map((reminder) => (
                <tr key={reminder.id} className="border-b border-slate-200">
                  <td className="px-2 py-1.5">{formatDateTime(reminder.sentAt)}</td>
                  <th scope="row" className="px-2 py-1.5 font-normal">
                    <Link href={`/kommunen/${reminder.municipality.slug}`} className="text-brand-700 underline">
                      {reminder.municipality.name}
                    </Link>
                  </th>
                  <td className="px-2 py-1.5">
                    {reminder.latestReportingDate ? formatDay(dateToDay(reminder.latestReportingDate)) : "noch nie gemeldet"}
                  </td>
                  <td className="px-2 py-1.5">
                    {reminder.recipients.length ? reminder.recipients.join(", ") : "keine aktive Sachbearbeitung"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="wohnraumboerse" className="rounded-lg bg-white p-6 shadow">
        <h2 id="wohnraumboerse" className="mb-4 text-xl font-semibold">
          Wohnraumbörse
        </h2>
        <BoardSettingsForm
          settings={{
            offerDefaultDays: county.offerDefaultDays,
            offerMaxOpenPerEmail: county.offerMaxOpenPerEmail,
            offerSubmitsPerHour: county.offerSubmitsPerHour,
            offerContactsPerHour: county.offerContactsPerHour,
            offerRetentionDays: county.offerRetentionDays,
          }}
        />
      </section>
      {boardAdmin && (
        <section aria-labelledby="einbetten" className="rounded-lg bg-white p-6 shadow">
          <h2 id="einbetten" className="mb-2 text-xl font-semibold">
            Angebotsformular einbetten
          </h2>
          <p className="mb-4 max-w-3xl text-slate-700">
            Das Formular „Wohnraum anbieten“ lässt sich ohne Kopf und Fuß der Börse in eine andere Website einbetten (iframe), etwa in die
            des Landkreises. Browser zeigen es nur auf den hier genannten Websites an; alle anderen Seiten der Börse lassen sich nirgends
            einbetten.
          </p>
          <EmbedSettingsForm origins={county.embedOrigins} snippet={embedSnippet(env().APP_URL, "de")} />
        </section>
      )}
      {boardAdmin && (
        <section aria-labelledby="mietobergrenzen" className="rounded-lg bg-white p-6 shadow">
          <h2 id="mietobergrenzen" className="mb-2 text-xl font-semibold">
            Mietobergrenzen
          </h2>
          <p className="text-slate-700">
            Angemessene Warmmieten je Kommune und Haushaltsgröße (Kosten der Unterkunft): Angebote darüber bekommen auf der Börse einen
            Hinweis.{" "}
            <Link href="/verwaltung/mietobergrenzen" className="text-brand-700 underline">
              Mietobergrenzen festlegen
            </Link>
          </p>
        </section>
      )}
      {boardAdmin && (
        <section aria-labelledby="postfaecher" className="rounded-lg bg-white p-6 shadow">
          <h2 id="postfaecher" className="mb-2 text-xl font-semibold">
            Postfächer der Kommunen
          </h2>
          <p className="mb-4 text-slate-700">
            Jede E-Mail zu einem Angebot geht als Blindkopie an das Postfach seiner Kommune, damit die Verwaltung Angebote verfolgen kann.
            Ein leeres Feld bedeutet: keine Kopien.
          </p>
          <div className="flex max-w-2xl flex-col gap-4">
            {mailboxes.map((municipality) => (
              <MailboxForm key={municipality.id} municipality={municipality} />
            ))}
          </div>
        </section>
      )}
      {boardAdmin && (
        <section aria-labelledby="rechtstexte" className="rounded-lg bg-white p-6 shadow">
          <h2 id="rechtstexte" className="mb-2 text-xl font-semibold">
            Datenschutzhinweis und Impressum
          </h2>
          <p className="mb-4 text-slate-700">
            Die Texte der öffentlichen Seiten. Verbindlich ist die deutsche Fassung; die Übersetzungen dienen dem Verständnis. Jede Änderung
            erhöht die Version; Angebote speichern die Version des Datenschutzhinweises, der zugestimmt wurde.
          </p>
          {LEGAL_TEXT_KINDS.map((kind) => (
            <div key={kind} className="mb-6 flex max-w-3xl flex-col gap-4">
              <h3 className="text-lg font-semibold">{LEGAL_TEXT_LABELS[kind]}</h3>
              {LOCALES.map((locale) => (
                <LegalTextForm key={locale} kind={kind} locale={locale} current={legalText(kind, locale)} />
              ))}
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
