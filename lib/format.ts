const integer = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });

export function formatNumber(value: number): string {
  return integer.format(value).replace("-", "−");
}

/** A shortfall in words: positive means persons without a place. */
export function describeShortfall(shortfall: number): string {
  if (shortfall > 0) return `${formatNumber(shortfall)} fehlen`;
  if (shortfall < 0) return `${formatNumber(-shortfall)} frei`;
  return "ausgeglichen";
}
