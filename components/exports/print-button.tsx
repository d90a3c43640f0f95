"use client";
import { buttonClass } from "@/components/ui/styles";

/** Opens the browser's print dialog (where "Als PDF speichern" is offered too); not printed itself. */
export function PrintButton() {
  return (
    <button type="button" className={`${buttonClass("primary")} print:hidden`} onClick={() => window.print()}>
      Drucken
    </button>
  );
}
