// The history of a request (its audit events) in words.
const ACTION_LABELS: Record<string, string> = {
  "help.request.open": "Anfrage gestellt",
  "help.request.withdraw": "Anfrage zurückgezogen",
  "help.offer.make": "Plätze angeboten",
  "help.offer.withdraw": "Angebot zurückgezogen",
  "help.placement.agree": "Angebot angenommen, Unterbringung vereinbart",
  "help.placement.end": "Unterbringung beendet",
};

export function historyActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** What the request's page says after a step (?erledigt=…). */
export const DONE_NOTES = {
  angenommen: "Angenommen: Die Unterbringung ist vereinbart, alle Beteiligten sind benachrichtigt.",
  "angebot-zurueckgezogen": "Das Angebot ist zurückgezogen.",
  zurueckgezogen: "Die Anfrage ist zurückgezogen; offene Angebote dazu sind erledigt.",
  beendet: "Die Unterbringung ist beendet.",
} as const;

export function doneNote(value: unknown): string | null {
  return typeof value === "string" && Object.hasOwn(DONE_NOTES, value) ? DONE_NOTES[value as keyof typeof DONE_NOTES] : null;
}
