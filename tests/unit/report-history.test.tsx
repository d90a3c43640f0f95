import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReportHistory } from "../../components/reporting/report-history";
import { FIGURE_KEYS, type Figures } from "../../lib/capacity/figures";

const figures = Object.fromEntries(FIGURE_KEYS.map((key) => [key, 1])) as Figures;
const entry = (authorRole: "CLERK" | "COORDINATOR", unchanged = false) => ({
  id: authorRole,
  reportingDate: "2026-11-20",
  figures,
  situation: null,
  comment: null,
  warningNote: null,
  unchanged,
  createdAt: new Date("2026-11-20T10:00:00Z"),
  authorName: authorRole === "CLERK" ? "Sam Sachbearbeitung" : "Kim Koordination",
  authorRole,
  superseded: false,
});

describe("the report history", () => {
  it("labels a report made for the municipality by the task force, and not a clerk's own", () => {
    const coordinatorRow = renderToStaticMarkup(<ReportHistory entries={[entry("COORDINATOR")]} />);
    expect(coordinatorRow).toContain("für die Kommune: Koordinierungsstab");
    const clerkRow = renderToStaticMarkup(<ReportHistory entries={[entry("CLERK")]} />);
    expect(clerkRow).not.toContain("für die Kommune");
  });

  it("says of a one-click report that the figures were confirmed unchanged", () => {
    expect(renderToStaticMarkup(<ReportHistory entries={[entry("CLERK", true)]} />)).toContain("unverändert bestätigt");
    expect(renderToStaticMarkup(<ReportHistory entries={[entry("CLERK")]} />)).not.toContain("unverändert bestätigt");
  });

  it("marks a report that a later save for the same date corrected", () => {
    expect(renderToStaticMarkup(<ReportHistory entries={[{ ...entry("CLERK"), superseded: true }]} />)).toContain(
      "korrigiert (gilt nicht mehr)",
    );
    expect(renderToStaticMarkup(<ReportHistory entries={[entry("CLERK")]} />)).not.toContain("korrigiert (gilt nicht mehr)");
  });
});
