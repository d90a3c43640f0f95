"use client";
import { FIGURE_LABELS, MAY_BE_NEGATIVE, type FigureKey } from "@/lib/capacity/figures";

/** One figure of the report: text, so "1.200" can be typed; empty means "nicht gemeldet". */
export function FigureInput({
  figure,
  value,
  errors,
  onChange,
}: {
  figure: FigureKey;
  value: string;
  errors?: string[];
  onChange: (event: { target: { value: string } }) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={figure} className="text-sm font-medium">
        {FIGURE_LABELS[figure]}
        {MAY_BE_NEGATIVE.has(figure) && <span className="font-normal"> (negativ, wenn übererfüllt)</span>}
      </label>
      {errors && (
        <p id={`${figure}-error`} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      )}
      <div className="flex items-center gap-2">
        <input
          id={figure}
          name={figure}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={onChange}
          aria-invalid={errors ? true : undefined}
          aria-describedby={[errors ? `${figure}-error` : null, "figures-hint"].filter(Boolean).join(" ")}
          className="w-32 rounded-md border border-slate-400 bg-white px-3 py-2 text-right tabular-nums aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
        />
        {value.trim() === "" && (
          <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800" data-testid={`${figure}-not-reported`}>
            nicht gemeldet
          </span>
        )}
      </div>
    </div>
  );
}
