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

/** "1 Person", "9 Personen" */
export function persons(count: number): string {
  return `${formatNumber(count)} ${Math.abs(count) === 1 ? "Person" : "Personen"}`;
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

const oneDecimal = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A file size in decimal units as a German reader writes it: "512 Byte", "86 kB", "1,4 MB", "2,0 GB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes)} Byte`;
  // Thresholds below the round numbers, so 999,700 bytes read "1,0 MB", not "1.000 kB".
  if (bytes < 999_500) return `${formatNumber(Math.round(bytes / 1000))} kB`;
  if (bytes < 999_950_000) return `${oneDecimal.format(bytes / 1_000_000)} MB`;
  return `${oneDecimal.format(bytes / 1_000_000_000)} GB`;
}
