import { describe, expect, it } from "vitest";
import { municipalityOptions } from "../../components/board/offer-filters";

// The list filter's municipality options are markup built from names people entered.
describe("the municipality options of the list filter", () => {
  const municipalities = [
    { slug: "kommune-a", name: "Kommune A" },
    { slug: "bad-<b>", name: `Bad "Quelle" & <script>alert(1)</script>` },
  ];

  it("escapes names and slugs, so a name cannot add markup", () => {
    const html = municipalityOptions("Alle Gemeinden", municipalities);
    expect(html).toContain("Bad &quot;Quelle&quot; &amp; &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('value="bad-&lt;b&gt;"');
    expect(html).not.toContain("<script>");
    expect(html.match(/<option /g)).toHaveLength(3);
  });

  it("selects the chosen municipality, or 'all' without a choice", () => {
    expect(municipalityOptions("Alle", municipalities, "kommune-a")).toContain('<option value="kommune-a" selected>Kommune A</option>');
    expect(municipalityOptions("Alle", municipalities)).toMatch(/^<option value="" selected>Alle<\/option>/);
    expect(municipalityOptions("Alle", municipalities, "kommune-a")).toMatch(/^<option value="">Alle<\/option>/);
  });
});
