import { describeShortfall, formatNumber } from "@/lib/format";

/** A figure, or a visibly different mark for "not reported" (which is not 0). */
export function FigureValue({ value }: { value: number | null }) {
  if (value === null) {
    return (
      // relative: keeps the screen-reader text inside the cell on narrow screens.
      <span className="relative text-slate-500 italic">
        <span aria-hidden="true">n. g.</span>
        <span className="sr-only">nicht gemeldet</span>
      </span>
    );
  }
  return <>{formatNumber(value)}</>;
}

/** The sign in words beside the colour: "73 fehlen", "174 frei" (no hidden text that could overflow). */
export function ShortfallValue({ shortfall }: { shortfall: number }) {
  const tone = shortfall > 0 ? "text-red-800 font-semibold" : shortfall < 0 ? "text-blue-800" : "text-slate-800";
  return <span className={`${tone} whitespace-nowrap`}>{describeShortfall(shortfall)}</span>;
}
