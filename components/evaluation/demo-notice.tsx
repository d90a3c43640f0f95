/** Short, so it never pushes the answer off a phone's first screen; the details are one tap away. */
export function DemoNotice() {
  return (
    <details className="rounded-md border-s-4 border-brand-600 bg-brand-50 px-4 py-2 text-brand-800" data-testid="demo-notice">
      <summary className="cursor-pointer">
        <strong>Demo-Daten:</strong> Beispielzahlen, keine echte Lage.
      </summary>
      <p className="mt-1 text-sm">
        Die jüngsten Meldungen des Landkreises Musterland stammen aus einem realen Landkreis (2016, Namen ersetzt). Der Verlauf der zwölf
        Wochen davor und die Meldedaten der einzelnen Kommunen sind erfunden.
      </p>
    </details>
  );
}
