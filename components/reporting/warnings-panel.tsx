"use client";
import type { PlausibilityWarning } from "@/lib/capacity/plausibility";

/** The id of a warning's checkbox (codes hold a colon, which ids in links should not). */
export const warningCheckboxId = (code: string) => `warning-${code.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/** Plausibility warnings need a tick each and an explanation before the report can be saved. */
export function WarningsPanel({
  warnings,
  confirmed,
  onConfirmedChange,
  note,
  onNoteChange,
  confirmError,
  noteError,
}: {
  warnings: PlausibilityWarning[];
  confirmed: string[];
  onConfirmedChange: (codes: string[]) => void;
  note: string;
  onNoteChange: (note: string) => void;
  confirmError?: string;
  noteError?: string;
}) {
  if (!warnings.length) return null;
  return (
    <fieldset
      className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3"
      aria-describedby={["warnings-hint", confirmError ? "confirmedWarnings-error" : null].filter(Boolean).join(" ")}
    >
      <legend className="px-1 font-semibold text-amber-900">Hinweise zur Plausibilität</legend>
      <p id="warnings-hint" className="mb-2 text-sm text-amber-900">
        Die Angaben sind möglich, aber ungewöhnlich. Bitte prüfen Sie sie, bestätigen Sie jeden Hinweis und begründen Sie kurz. Bleiben die
        Zahlen gleich, wird ein bestätigter Hinweis bei der nächsten Meldung nicht erneut gestellt.
      </p>
      {confirmError && (
        <p id="confirmedWarnings-error" className="mb-2 text-sm font-medium text-red-700">
          {confirmError}
        </p>
      )}
      <ul className="flex flex-col gap-2">
        {warnings.map((warning) => (
          <li key={warning.code}>
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                id={warningCheckboxId(warning.code)}
                name="confirmedWarnings"
                value={warning.code}
                checked={confirmed.includes(warning.code)}
                onChange={(event) =>
                  onConfirmedChange(event.target.checked ? [...confirmed, warning.code] : confirmed.filter((code) => code !== warning.code))
                }
                aria-invalid={confirmError && !confirmed.includes(warning.code) ? true : undefined}
                // shrink-0: a long message must not squeeze the box; every box has the same size.
                className="mt-0.5 h-5 w-5 shrink-0"
              />
              <span>
                {warning.message} <span className="font-medium">Geprüft, die Angabe stimmt.</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-col gap-1">
        <label htmlFor="warningNote" className="text-sm font-medium">
          Begründung (Pflicht bei Hinweisen)
        </label>
        {noteError && (
          <p id="warningNote-error" className="text-sm font-medium text-red-700">
            {noteError}
          </p>
        )}
        <textarea
          id="warningNote"
          name="warningNote"
          rows={2}
          value={note}
          onChange={(event) => onNoteChange(event.target.value)}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? "warningNote-error" : undefined}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
        />
      </div>
    </fieldset>
  );
}
