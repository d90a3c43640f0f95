import { describe, expect, it } from "vitest";
import { embedOriginsSchema, embedSnippet, frameAncestors, normaliseOrigin } from "../../lib/offers/embed";
import { contentSecurityPolicy } from "../../proxy";

// Who may frame the embeddable offer form: origins only, validated after normalising.

describe("embedding origins", () => {
  it("normalises what admins type to an origin and refuses anything beyond it", () => {
    expect(normaliseOrigin(" https://www.Landkreis.example/ ")).toBe("https://www.landkreis.example");
    expect(normaliseOrigin("http://localhost:8080")).toBe("http://localhost:8080");
    for (const refused of [
      "javascript:alert(1)",
      "https://www.landkreis.example/seite",
      "https://www.landkreis.example/?x=1",
      "https://user:pw@www.landkreis.example",
      "https://*.landkreis.example",
      "data:text/html,hi",
      "www.landkreis.example",
      "https://a.example 'unsafe-inline'",
      "https://a.example;script-src *",
    ]) {
      expect(normaliseOrigin(refused), refused).toBeNull();
    }
  });

  it("reads one origin per line, drops duplicates and blank lines, and names a bad line", () => {
    expect(
      embedOriginsSchema.parse({ embedOrigins: "https://a.example\n\nhttps://a.example/\r\nhttps://b.example:8443" }).embedOrigins,
    ).toEqual(["https://a.example", "https://b.example:8443"]);
    const bad = embedOriginsSchema.safeParse({ embedOrigins: "https://a.example\nhttps://b.example/pfad" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toContain("https://b.example/pfad");
    expect(
      embedOriginsSchema.safeParse({ embedOrigins: Array.from({ length: 21 }, (_, i) => `https://s${i}.example`).join("\n") }).success,
    ).toBe(false);
    expect(embedOriginsSchema.parse({ embedOrigins: "" }).embedOrigins).toEqual([]);
  });

  it("builds frame-ancestors from the origins, 'none' without any, and never from a hand-edited row", () => {
    expect(frameAncestors([])).toBe("'none'");
    expect(frameAncestors(["https://a.example", "http://b.example:8080"])).toBe("https://a.example http://b.example:8080");
    expect(frameAncestors(["https://a.example; script-src *"])).toBe("'none'");
    expect(contentSecurityPolicy("n", { dev: false })).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("n", { dev: false, frameAncestors: "https://a.example" })).toContain("frame-ancestors https://a.example");
  });

  it("gives admins a snippet with the app's address and the language", () => {
    expect(embedSnippet("https://wohnraum.landkreis.example", "uk")).toBe(
      '<iframe src="https://wohnraum.landkreis.example/embed/angebot-einstellen?lang=uk" title="Wohnraum anbieten" style="width:100%;min-height:1600px;border:0" loading="lazy"></iframe>',
    );
  });
});
