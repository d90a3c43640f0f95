import { formatNumber } from "@/lib/format";

/** A figure, or a visibly different mark for "not reported" (which is not 0). */
export function FigureValue({ value }: { value: number | null }) {
  if (value === null) {
    return (
      <span className="text-slate-500 italic">
        <span aria-hidden="true">n. g.</span>
        <span className="sr-only">nicht gemeldet</span>
      </span>
    );
  }
  return <>{formatNumber(value)}</>;
}

export function ShortfallValue({ shortfall }: { shortfall: number }) {
  const tone = shortfall > 0 ? "text-red-800 font-semibold" : shortfall < 0 ? "text-blue-800" : "text-slate-800";
  return (
    <span className={tone}>
      {shortfall > 0 ? "+" : ""}
      {formatNumber(shortfall)}
      <span className="sr-only">{shortfall > 0 ? " Plätze fehlen" : shortfall < 0 ? " Plätze frei" : ""}</span>
    </span>
  );
}
