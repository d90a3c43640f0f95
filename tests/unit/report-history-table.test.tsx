import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReportHistoryTable } from "../../components/reporting/report-history-table";
import { FIGURE_KEYS, type Figures } from "../../lib/capacity/figures";

const figures = Object.fromEntries(FIGURE_KEYS.map((key) => [key, 1])) as Figures;
const entry = (authorRole: "CLERK" | "COORDINATOR") => ({
  id: authorRole,
  reportingDate: "2026-11-20",
  figures,
  situation: null,
  comment: null,
  warningNote: null,
  createdAt: new Date("2026-11-20T10:00:00Z"),
  authorName: authorRole === "CLERK" ? "Sam Sachbearbeitung" : "Kim Koordination",
  authorRole,
  superseded: false,
});

describe("the report history", () => {
  it("labels a report made for the municipality by the task force, and not a clerk's own", () => {
    const coordinatorRow = renderToStaticMarkup(<ReportHistoryTable history={[entry("COORDINATOR")]} />);
    expect(coordinatorRow).toContain("für die Kommune: Koordinierungsstab");
    const clerkRow = renderToStaticMarkup(<ReportHistoryTable history={[entry("CLERK")]} />);
    expect(clerkRow).not.toContain("für die Kommune");
  });
});
