import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCountyCsv, slugify } from "../../lib/demo/county-csv";

const csv = readFileSync("lib/demo/landkreis-musterland.csv", "utf8");

describe("reference county CSV", () => {
  const rows = parseCountyCsv(csv);

  it("has the 21 municipalities", () => {
    expect(rows).toHaveLength(21);
    expect(rows[0]!.municipality).toBe("Kommune A");
    expect(rows[20]!.municipality).toBe("Kommune U");
  });

  it("keeps empty cells as not reported, distinct from 0", () => {
    const b = rows.find((row) => row.municipality === "Kommune B")!;
    expect(b.figures.arrivals).toBe(0);
    expect(b.figures.possiblyCredited).toBeNull();
    const j = rows.find((row) => row.municipality === "Kommune J")!;
    expect(j.figures.allocations).toBe(0);
    expect(j.figures.arrivals).toBeNull();
    expect(j.figures.availableShared).toBeNull();
  });

  it("reads negative quotas and the ratings", () => {
    const i = rows.find((row) => row.municipality === "Kommune I")!;
    expect(i.figures.quotaOutstanding).toBe(-4);
    expect(rows.filter((row) => row.situation === "CRITICAL").map((row) => row.municipality)).toEqual([
      "Kommune C",
      "Kommune E",
      "Kommune M",
    ]);
  });

  it("rejects a file with other columns", () => {
    expect(() => parseCountyCsv("a,b\n1,2")).toThrow(/header/);
  });

  it("makes URL slugs", () => {
    expect(slugify("Kommune A")).toBe("kommune-a");
    expect(slugify("Bad Münder am Deister")).toBe("bad-muender-am-deister");
  });
});
