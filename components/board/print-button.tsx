"use client";
import { buttonClass } from "@/components/ui/styles";

/** Opens the browser's print dialog (where saving as PDF is offered too); not printed itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={`${buttonClass("primary")} print:hidden`} onClick={() => window.print()}>
      {label}
    </button>
  );
}
