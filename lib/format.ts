const integer = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });

export function formatNumber(value: number): string {
  return integer.format(value).replace("-", "−");
}

/** A shortfall in words: positive means persons without a place ("1 fehlt", "73 fehlen", "174 frei"). */
export function describeShortfall(shortfall: number): string {
  if (shortfall > 0) return `${formatNumber(shortfall)} ${shortfall === 1 ? "fehlt" : "fehlen"}`;
  if (shortfall < 0) return `${formatNumber(-shortfall)} frei`;
  return "ausgeglichen";
}

/** "1 Platz", "2 Plätze" */
export function places(count: number): string {
  return `${formatNumber(count)} ${Math.abs(count) === 1 ? "Platz" : "Plätze"}`;
}

/** A shortfall as a sentence part: "73 Plätze fehlen", "1 Platz fehlt", "174 Plätze frei". */
export function describeShortfallInPlaces(shortfall: number): string {
  if (shortfall > 0) return `${places(shortfall)} ${shortfall === 1 ? "fehlt" : "fehlen"}`;
  if (shortfall < 0) return `${places(-shortfall)} frei`;
  return "ausgeglichen";
}

/** After "seit": "1 Tag", "5 Tagen" (dative). */
export function sinceDays(count: number): string {
  return `${formatNumber(count)} ${count === 1 ? "Tag" : "Tagen"}`;
}
