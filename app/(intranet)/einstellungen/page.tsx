import type { Metadata } from "next";
import Link from "next/link";
import { CountySettingsForm } from "@/components/settings/county-settings-form";
import { requirePageActor } from "@/lib/auth/session";
import { countyOf } from "@/lib/capacity/queries";
import { listReminders } from "@/lib/capacity/reminder-log";
import { formatDateTime, formatDay, dateToDay } from "@/lib/dates";

export const metadata: Metadata = { title: "Einstellungen" };

export default async function SettingsPage() {
  const actor = await requirePageActor("settings:manage");
  const [county, reminders] = await Promise.all([countyOf(actor), listReminders(actor)]);
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Einstellungen: {county.name}</h1>
      <section aria-labelledby="intervall" className="rounded-lg bg-white p-6 shadow">
        <h2 id="intervall" className="mb-4 text-xl font-semibold">
          Meldeintervall
        </h2>
        <CountySettingsForm reportingIntervalDays={county.reportingIntervalDays} />
      </section>
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
    </div>
  );
}
