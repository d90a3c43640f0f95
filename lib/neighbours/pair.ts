// A neighbour relation is symmetric and stored once, in a canonical order (the smaller id first);
// the database checks the order, so "A borders B" and "B borders A" cannot both be stored.
export function canonicalPair(a: string, b: string): { municipalityId: string; neighbourId: string } {
  return a < b ? { municipalityId: a, neighbourId: b } : { municipalityId: b, neighbourId: a };
}
