import { Alert } from "@/components/ui/alert";

export function DemoNotice() {
  return (
    <Alert tone="info" title="Demo-Daten">
      Die Zahlen des Landkreises Musterland sind Beispieldaten: die jüngsten Meldungen stammen aus einem realen Landkreis (2016, Namen
      ersetzt), der Verlauf der zwölf Wochen davor ist erfunden.
    </Alert>
  );
}
