import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/session";
import { backupSettings, listBackupRuns, type BackupRunRow } from "@/lib/backup/queries";
import { formatDateTime } from "@/lib/dates";
import { formatFileSize, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Sicherungen" };

const METHOD_LABELS: Record<BackupRunRow["method"], string> = { logical: "Logische Sicherung", pg_dump: "pg_dump" };
const TRIGGER_LABELS: Record<BackupRunRow["trigger"], string> = { schedule: "Zeitplan", command: "von Hand" };

function Result({ run }: { run: BackupRunRow }) {
  if (run.ok) return <span className="font-medium text-green-800">erfolgreich</span>;
  return (
    <span className="break-words text-red-800">
      <span className="font-medium">fehlgeschlagen:</span> {run.error ?? "Ursache unbekannt"}
    </span>
  );
}

function Presence({ run }: { run: BackupRunRow }) {
  if (!run.ok) return <>–</>;
  return <>{run.present ? "vorhanden" : "nicht mehr vorhanden"}</>;
}

export default async function BackupsPage() {
  const actor = await requirePageActor("backups:read");
  const runs = await listBackupRuns(actor);
  const settings = backupSettings(actor);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Sicherungen</h1>
        <p className="mt-1 text-slate-700">
          Jede Sicherung enthält alle Daten der Anwendung: Landkreise, Kommunen, Meldungen, Konten, das Protokoll und die Wohnraumbörse.
        </p>
      </div>
      {runs[0] && !runs[0].ok && (
        <Alert tone="error" title="Die letzte Sicherung ist fehlgeschlagen.">
          {runs[0].trigger === "schedule"
            ? "Alle Administratorinnen und Administratoren haben dazu eine E-Mail erhalten."
            : "Der Befehl hat den Fehler auch auf dem Server angezeigt."}
        </Alert>
      )}
      {settings && (
        <p data-testid="backup-schedule">
          {settings.schedule
            ? `Automatische Sicherung: täglich um 03:00 Uhr; die neuesten ${formatNumber(settings.keep)} Dateien bleiben erhalten.`
            : "Automatische Sicherung: aus. Sicherungen entstehen nur von Hand."}{" "}
          Ordner: <code className="break-all">{settings.dir}</code>
        </p>
      )}

      <section aria-labelledby="laeufe">
        <h2 id="laeufe" className="mb-3 text-xl font-semibold">
          Letzte Sicherungen
        </h2>
        {runs.length === 0 ? (
          <p>Noch keine Sicherung.</p>
        ) : (
          <>
            <div className="hidden overflow-x-auto rounded-lg bg-white shadow lg:block">
              <table className="w-full text-left text-sm" data-testid="backup-table">
                <caption className="sr-only">Sicherungen, neueste zuerst</caption>
                <thead className="border-b border-slate-300 bg-slate-100">
                  <tr>
                    {["Zeitpunkt", "Datei", "Größe", "Verfahren", "Ausgelöst", "Ergebnis", "Datei vorhanden"].map((heading) => (
                      <th key={heading} scope="col" className={`px-3 py-2 ${heading === "Größe" ? "text-right" : ""}`}>
                        {heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {runs.map((run) => (
                    <tr key={run.id} className="border-b border-slate-200 align-top" data-ok={run.ok}>
                      <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                        {formatDateTime(run.at)}
                      </th>
                      <td className="break-all px-3 py-2 font-mono text-xs">{run.file}</td>
                      <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{run.ok ? formatFileSize(run.bytes) : "–"}</td>
                      <td className="px-3 py-2">{METHOD_LABELS[run.method]}</td>
                      <td className="px-3 py-2">{TRIGGER_LABELS[run.trigger]}</td>
                      <td className="px-3 py-2">
                        <Result run={run} />
                      </td>
                      <td className="px-3 py-2">
                        <Presence run={run} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ol className="flex flex-col gap-3 lg:hidden" data-testid="backup-cards">
              {runs.map((run) => (
                <li key={run.id} className="rounded-lg bg-white p-3 shadow">
                  <h3 className="font-semibold">{formatDateTime(run.at)}</h3>
                  <p className="mt-1">
                    <Result run={run} />
                  </p>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="font-medium">Datei</dt>
                    <dd className="break-all font-mono text-xs">{run.file}</dd>
                    <dt className="font-medium">Größe</dt>
                    <dd>{run.ok ? formatFileSize(run.bytes) : "–"}</dd>
                    <dt className="font-medium">Verfahren</dt>
                    <dd>
                      {METHOD_LABELS[run.method]}, {TRIGGER_LABELS[run.trigger]}
                    </dd>
                    <dt className="font-medium">Datei vorhanden</dt>
                    <dd>
                      <Presence run={run} />
                    </dd>
                  </dl>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="wiederherstellen" className="rounded-lg bg-white p-4 shadow sm:p-6">
        <h2 id="wiederherstellen" className="mb-2 text-xl font-semibold">
          Sicherung wiederherstellen
        </h2>
        <ol className="list-decimal space-y-1 ps-5">
          <li>Die Anwendung beenden.</li>
          <li>
            Auf dem Server im Verzeichnis der Anwendung: <code className="break-all">npm run db:restore &lt;Datei&gt;</code>
          </li>
          <li>Die Anwendung wieder starten: Sie bringt die Datenbank dabei auf den aktuellen Stand.</li>
        </ol>
        <p className="mt-3 text-sm text-slate-700">
          Die Wiederherstellung füllt nur eine leere Datenbank. <code>--force</code> ersetzt alles, was in der Datenbank steht. Eine
          Sicherung von Hand: <code>npm run db:backup</code>. Nicht enthalten ist die Warteschlange für E-Mails und Aufträge.
        </p>
      </section>
    </div>
  );
}
