import Link from "next/link";
import { buttonClass } from "@/components/ui/styles";
import type { EvaluationParams } from "@/lib/capacity/evaluation-params";
import { berlinDay } from "@/lib/dates";

/** "Stand" and "Exportieren" of /lage. */
export function StandControls({ params, mayExport }: { params: EvaluationParams; mayExport: boolean }) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      {mayExport && (
        <Link href={`/export?stand=${params.asOf}`} className={buttonClass("secondary")}>
          Exportieren
        </Link>
      )}
      <form method="get" className="flex items-end gap-2">
        {params.sort.id !== "shortfall" || params.sort.desc ? (
          <input type="hidden" name="sort" value={`${params.sort.id}.${params.sort.desc ? "desc" : "asc"}`} />
        ) : null}
        {params.query && <input type="hidden" name="q" value={params.query} />}
        {params.shortOnly && <input type="hidden" name="knapp" value="1" />}
        <div className="flex flex-col gap-1">
          <label htmlFor="stand" className="text-sm font-medium">
            Stand
          </label>
          <input
            id="stand"
            name="stand"
            type="date"
            defaultValue={params.asOf}
            max={berlinDay()}
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5"
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Anzeigen
        </button>
      </form>
    </div>
  );
}
