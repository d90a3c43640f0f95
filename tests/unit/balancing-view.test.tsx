import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GiversTable, ProposalLines, TransferDetails } from "../../components/balancing/proposal-sections";
import { proposeBalancing, type BalancingMunicipality } from "../../lib/capacity/balancing";

const municipality = (name: string, shortfall: number, now = 0, prospect = 0): BalancingMunicipality => ({
  id: name,
  name,
  shortfall,
  now: { shared: 0, decentral: now },
  prospect: { shared: prospect, decentral: 0 },
  preferredKind: "decentral",
});

const proposal = proposeBalancing(
  [
    municipality("Kommune M", 73),
    municipality("Kommune D", 30),
    municipality("Kommune R", -58, 58),
    municipality("Kommune L", -20, 10, 10),
  ],
  [{ a: "Kommune M", b: "Kommune R", travelMinutes: 12 }],
);

describe("the balancing page's sections", () => {
  it("say each line in words, with the uncovered rest", () => {
    const html = renderToStaticMarkup(<ProposalLines lines={proposal.lines} />);
    expect(html).toContain('<h2 id="vorschlag"');
    expect(html).toContain("Kommune M: 73 fehlen");
    // M's neighbour first; then D has more left to cover, so it gets L's places.
    expect(html).toContain("58 aus Kommune R (Nachbar, 12 Min.); 15 bleiben offen");
    expect(html).toContain("Kommune D: 30 fehlen");
    expect(html).toContain("20 aus Kommune L (davon 10 in Aussicht, davon 10 in Gemeinschaftsunterkünften); 10 bleiben offen");
    expect(html.match(/border-red-700/g)).toHaveLength(2);
    // The arrow is decoration; a screen reader hears "Vorschlag:".
    expect(html).toContain('<span aria-hidden="true">→</span>');
  });

  it("list the transfers as a table with row and column headers on wide screens, as cards on phones", () => {
    const html = renderToStaticMarkup(<TransferDetails lines={proposal.lines} />);
    expect(html).toMatch(/<div class="hidden [^"]*md:block"><table/);
    expect(html).toMatch(/<ol class="[^"]*md:hidden"/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(6);
    expect(html.match(/<th scope="row"/g)).toHaveLength(proposal.lines.flatMap((line) => line.transfers).length);
    expect(html).toContain("ja, 12 Min.");
    expect(html).toContain("<h3");
  });

  it("show what each helper gives and keeps", () => {
    const html = renderToStaticMarkup(<GiversTable givers={proposal.givers} />);
    expect(html).toContain("Frei über Bedarf");
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(renderToStaticMarkup(<TransferDetails lines={[]} />)).toBe("");
  });
});
