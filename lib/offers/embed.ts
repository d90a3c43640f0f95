import { z } from "zod";

// The embeddable offer form (/embed/angebot-einstellen): only the origins the county configured
// may frame it, through the Content-Security-Policy's frame-ancestors; every other page keeps
// frame-ancestors 'none'. Origins are validated after normalising (URL parsing), so what is
// stored is exactly what goes into the header: scheme, host and port, nothing else.

export const MAX_EMBED_ORIGINS = 20;

/** An origin as an admin types it ("https://www.landkreis.example" or with a trailing slash). */
export function normaliseOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  // Nothing beyond the origin: a path, query, fragment or credentials would be dropped silently
  // by the browser's matching, so they are refused instead of ignored.
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) return null;
  if (!/^[a-z0-9.-]+$/.test(url.hostname) && !/^\[[0-9a-f:]+\]$/.test(url.hostname)) return null;
  return url.origin;
}

/** The settings form's text (one origin per line) to the stored list. */
export const embedOriginsSchema = z.object({
  embedOrigins: z
    .string()
    .max(4000, "Bitte höchstens 20 Adressen angeben.")
    .transform((text, context) => {
      const lines = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      const origins: string[] = [];
      for (const line of lines) {
        const origin = normaliseOrigin(line);
        if (!origin) {
          context.addIssue({ code: "custom", message: `„${line.slice(0, 80)}“ ist keine Adresse der Form https://www.beispiel.de.` });
          return z.NEVER;
        }
        if (!origins.includes(origin)) origins.push(origin);
      }
      if (origins.length > MAX_EMBED_ORIGINS) {
        context.addIssue({ code: "custom", message: `Bitte höchstens ${MAX_EMBED_ORIGINS} Adressen angeben.` });
        return z.NEVER;
      }
      return origins;
    }),
});

/** The frame-ancestors source list: the configured origins, or 'none'. */
export function frameAncestors(origins: readonly string[]): string {
  // Stored origins were normalised on input; anything else (a hand-edited row) is left out.
  const safe = origins.filter((origin) => normaliseOrigin(origin) === origin);
  return safe.length ? safe.join(" ") : "'none'";
}

/** The snippet admins paste into the county's own site. */
export function embedSnippet(appUrl: string, locale: string): string {
  const src = new URL(`/embed/angebot-einstellen?lang=${encodeURIComponent(locale)}`, appUrl).toString();
  return `<iframe src="${src}" title="Wohnraum anbieten" style="width:100%;min-height:1600px;border:0" loading="lazy"></iframe>`;
}
