import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreedHelpText, placementsRunningOn, withAgreedHelp, type RunningPlacementInput } from "../../lib/capacity/agreed-help";
import { compareByShortfall, evaluateCounty, type CountyEvaluation, type MunicipalityReportInput } from "../../lib/capacity/evaluation";
import { FIGURE_KEYS, type Figures } from "../../lib/capacity/figures";

const none = Object.fromEntries(FIGURE_KEYS.map((key) => [key, null])) as Figures;
const input = (id: string, name: string, values: Partial<Figures> | null, situation: "SUFFICIENT" | "CRITICAL" | null = "SUFFICIENT") =>
  ({
    municipalityId: id,
    name,
    slug: id,
    report: values ? { id: `r-${id}`, reportingDate: "2026-11-20", figures: { ...none, ...values }, situation } : null,
  }) satisfies MunicipalityReportInput;
const asOf = "2026-11-21";
const options = { asOf, intervalDays: 7 };

// M: 110 to fulfil, 37 places → 73 short. R: 12 to fulfil, 186 places → 174 spare. B: no report.
const county = () =>
  evaluateCounty(
    [
      input("m", "Kommune M", {
        allocations: 140,
        arrivals: 120,
        quotaOutstanding: 110,
        housedShared: 40,
        housedDecentral: 60,
        availableShared: 0,
        availableDecentral: 18,
        prospectiveShared: 0,
        prospectiveDecentral: 19,
      }),
      input("r", "Kommune R", {
        allocations: 300,
        arrivals: 290,
        quotaOutstanding: 12,
        housedShared: 200,
        housedDecentral: 80,
        availableShared: 150,
        availableDecentral: 24,
        prospectiveShared: 12,
        prospectiveDecentral: 0,
      }),
      input("s", "Schönau", { quotaOutstanding: 30, availableDecentral: 10 }, "CRITICAL"),
      input("b", "Kommune B", null),
    ],
    options,
  );

const nameOf = (id: string) => (id === "s" ? "Schönau" : `Kommune ${id.toUpperCase()}`);
const placement = (id: string, requester: string, host: string, persons: number, startedOn = "2026-11-01", endedOn: string | null = null) =>
  ({
    id,
    requesterId: requester,
    requesterName: nameOf(requester),
    hostId: host,
    hostName: nameOf(host),
    persons,
    startedOn,
    endedOn,
  }) satisfies RunningPlacementInput;

const row = (evaluation: CountyEvaluation, id: string) => evaluation.rows.find((r) => r.municipalityId === id)!;

describe("agreed help in the county evaluation", () => {
  it("moves the placed persons from the requester's shortfall to the host's, leaving the reported figures alone", () => {
    const before = county();
    expect(row(before, "m").shortfall).toBe(73);
    expect(row(before, "r").shortfall).toBe(-174);
    const after = withAgreedHelp(before, [placement("p1", "m", "r", 12)]);
    const m = row(after, "m");
    const r = row(after, "r");
    expect(m.shortfall).toBe(61);
    expect(r.shortfall).toBe(-162);
    expect(m.agreedHelp).toEqual({
      placedElsewhere: [{ municipalityId: "r", name: "Kommune R", persons: 12 }],
      hosted: [],
      net: 12,
      reportedShortfall: 73,
    });
    expect(r.agreedHelp).toEqual({
      placedElsewhere: [],
      hosted: [{ municipalityId: "m", name: "Kommune M", persons: 12 }],
      net: -12,
      reportedShortfall: -174,
    });
    for (const id of ["m", "r"]) {
      const { figures, availableNow, prospective, totalPlaces, contradiction } = row(before, id);
      expect(row(after, id)).toMatchObject({ figures, availableNow, prospective, totalPlaces, contradiction });
    }
    expect(m.contradiction).toBe("SUFFICIENT_BUT_SHORT");
    expect(after.totals).toEqual({ ...before.totals, grossShortfall: before.totals.grossShortfall - 12 });
    expect(agreedHelpText(m.agreedHelp)).toBe("+12 in Kommune R untergebracht (Amtshilfe)");
    expect(agreedHelpText(r.agreedHelp)).toBe("nimmt 12 aus Kommune M auf (Amtshilfe)");
  });

  it("gives untouched rows no agreedHelp and leaves them as they were", () => {
    const before = county();
    const after = withAgreedHelp(before, [placement("p1", "m", "r", 12)]);
    for (const id of ["s", "b"]) {
      expect(row(after, id)).not.toHaveProperty("agreedHelp");
      expect(row(after, id)).toEqual(row(before, id));
      expect(agreedHelpText(row(after, id).agreedHelp)).toBeNull();
    }
  });

  it("sums several placements of one pair into one entry and names each host once", () => {
    const after = withAgreedHelp(county(), [
      placement("p1", "m", "r", 12),
      placement("p2", "m", "r", 8, "2026-11-20"),
      placement("p3", "m", "s", 1234),
      placement("p4", "s", "r", 5),
    ]);
    expect(row(after, "m").shortfall).toBe(73 - 20 - 1234);
    expect(row(after, "r").agreedHelp!.hosted).toEqual([
      { municipalityId: "m", name: "Kommune M", persons: 20 },
      { municipalityId: "s", name: "Schönau", persons: 5 },
    ]);
    expect(agreedHelpText(row(after, "m").agreedHelp)).toBe(
      "+20 in Kommune R untergebracht (Amtshilfe); +1.234 in Schönau untergebracht (Amtshilfe)",
    );
    // Schönau is both host and requester.
    expect(row(after, "s").shortfall).toBe(20 + 1234 - 5);
    expect(agreedHelpText(row(after, "s").agreedHelp)).toBe(
      "+5 in Kommune R untergebracht (Amtshilfe); nimmt 1.234 aus Kommune M auf (Amtshilfe)",
    );
  });

  it("ignores placements naming a municipality outside the evaluation", () => {
    const before = county();
    const after = withAgreedHelp(before, [placement("p1", "m", "x", 12), placement("p2", "y", "r", 7)]);
    expect(after).toEqual(before);
    expect(after.rows.every((r) => !("agreedHelp" in r))).toBe(true);
  });

  it("counts a placement from its start day up to the day before it ended", () => {
    const runs = (startedOn: string, endedOn: string | null) => placementsRunningOn([{ startedOn, endedOn }], asOf).length === 1;
    expect(runs(asOf, null)).toBe(true);
    expect(runs("2026-11-22", null)).toBe(false);
    expect(runs("2026-10-01", asOf)).toBe(false);
    expect(runs("2026-10-01", "2026-11-22")).toBe(true);
    expect(runs(asOf, "2026-11-22")).toBe(true);
    const after = withAgreedHelp(county(), [
      placement("ended", "m", "r", 3, "2026-10-01", asOf),
      placement("future", "m", "r", 4, "2026-11-22"),
      placement("today", "m", "r", 5, asOf),
    ]);
    expect(row(after, "m").shortfall).toBe(73 - 5);
  });

  it("does not mutate its input and counts the help once when applied twice", () => {
    const before = county();
    const placements = [placement("p1", "m", "r", 12), placement("p2", "s", "m", 3)];
    const snapshot = structuredClone({ before, placements });
    const after = withAgreedHelp(before, placements);
    expect({ before, placements }).toEqual(snapshot);
    expect(after).not.toBe(before);
    expect(withAgreedHelp(after, placements)).toEqual(after);
    // Without placements, the reported shortfalls come back.
    expect(withAgreedHelp(after, [])).toEqual(before);
  });
});

// Any county, any placements between its municipalities (and to unknown ones, and to itself),
// with start and end days around the evaluation date.
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
const figure = (min: number, max: number) => fc.option(fc.integer({ min, max }), { freq: 4 });
const figures = fc.record(
  Object.fromEntries(FIGURE_KEYS.map((key) => [key, key === "quotaOutstanding" ? figure(-80, 400) : figure(0, 200)])) as Record<
    keyof Figures,
    fc.Arbitrary<number | null>
  >,
);
const generated = fc.integer({ min: 0, max: 12 }).chain((size) =>
  fc.tuple(
    fc.tuple(
      ...Array.from({ length: size }, (_, index) =>
        fc
          .record({ values: fc.option(figures, { freq: 6 }), situation: fc.constantFrom("SUFFICIENT" as const, "CRITICAL" as const, null) })
          .map(({ values, situation }) => input(`m${index}`, `Kommune ${index % 5}`, values, situation)),
      ),
    ),
    fc.array(
      fc.record({
        requester: fc.integer({ min: 0, max: size + 1 }),
        host: fc.integer({ min: 0, max: size + 1 }),
        persons: fc.integer({ min: 1, max: 500 }),
        start: fc.integer({ min: -6, max: 3 }),
        length: fc.option(fc.integer({ min: 1, max: 8 })),
      }),
      { maxLength: 30 },
    ),
  ),
);

describe("agreed help, for any county and placements", () => {
  it("keeps the county totals and the sum of shortfalls, and moves exactly the running persons", () => {
    fc.assert(
      fc.property(generated, ([inputs, drawn]) => {
        const before = evaluateCounty(inputs, options);
        const placements = drawn.map((d, index): RunningPlacementInput => ({
          id: `p${index}`,
          requesterId: `m${d.requester}`,
          requesterName: `R ${d.requester}`,
          hostId: `m${d.host}`,
          hostName: `H ${d.host}`,
          persons: d.persons,
          startedOn: day(d.start),
          endedOn: d.length === null ? null : day(d.start + d.length),
        }));
        const after = withAgreedHelp(before, placements);

        const { grossShortfall: _g, municipalitiesShort: _m, ...fixed } = before.totals;
        expect(after.totals).toMatchObject(fixed);
        const sumOf = (evaluation: CountyEvaluation) => evaluation.rows.reduce((total, r) => total + r.shortfall, 0);
        expect(sumOf(after)).toBe(sumOf(before));
        const short = after.rows.filter((r) => r.shortfall > 0);
        expect(after.totals.grossShortfall).toBe(short.reduce((total, r) => total + r.shortfall, 0));
        expect(after.totals.municipalitiesShort).toBe(short.length);
        expect([...after.rows].sort(compareByShortfall)).toEqual(after.rows);

        // Expected from the drawn day offsets, independent of placementsRunningOn.
        const running = drawn.filter(
          (d) => d.requester < inputs.length && d.host < inputs.length && d.start <= 0 && (d.length === null || d.start + d.length > 0),
        );
        expect(after.rows).toHaveLength(before.rows.length);
        for (const original of before.rows) {
          const index = Number(original.municipalityId.slice(1));
          const out = running.filter((d) => d.requester === index && d.host !== index).reduce((t, d) => t + d.persons, 0);
          const inn = running.filter((d) => d.host === index && d.requester !== index).reduce((t, d) => t + d.persons, 0);
          const adjusted = row(after, original.municipalityId);
          expect(adjusted.shortfall).toBe(original.shortfall - out + inn);
          const { shortfall: _s, ...unchanged } = original;
          expect(adjusted).toMatchObject(unchanged);
          const involved = running.some((d) => d.requester !== d.host && (d.requester === index || d.host === index));
          if (!involved) expect(adjusted).not.toHaveProperty("agreedHelp");
          else
            expect(adjusted.agreedHelp).toMatchObject({
              reportedShortfall: original.shortfall,
              net: out - inn,
            });
        }
      }),
      { numRuns: 300 },
    );
  });
});
