import Link from "next/link";
import { buttonClass } from "@/components/ui/styles";
import type { EvaluationParams } from "@/lib/capacity/evaluation-params";
import { berlinDay } from "@/lib/dates";

/** The "Stand" form of /lage and /lage/ausgleich, after a link of the page's own ("Exportieren", "Zur Lage"). */
export function StandControls({ params, link }: { params: EvaluationParams; link?: { href: string; label: string } }) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      {link && (
        <Link href={link.href} className={buttonClass("secondary")}>
          {link.label}
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
