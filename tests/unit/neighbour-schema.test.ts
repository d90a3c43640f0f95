import { describe, expect, it } from "vitest";
import { canonicalPair } from "../../lib/neighbours/pair";
import { minutesField, neighbourFieldErrors, neighbourInputFromForm, neighboursSchema } from "../../lib/neighbours/schema";
import { DEMO_NEIGHBOURS } from "../../lib/demo/neighbours";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("neighbour form and schema", () => {
  it("reads the ticked boxes with the travel time beside each; unticked rows do not count", () => {
    const input = neighbourInputFromForm(
      form([
        ["municipalityId", "m"],
        ["neighbour", "a"],
        [minutesField("a"), "12"],
        ["neighbour", "b"],
        [minutesField("b"), ""],
        [minutesField("c"), "30"],
      ]),
    );
    expect(neighboursSchema.parse(input)).toEqual({
      municipalityId: "m",
      neighbours: [
        { id: "a", travelMinutes: 12 },
        { id: "b", travelMinutes: null },
      ],
    });
  });

  it("refuses a bad travel time at its field, and the municipality itself or a double entry for the form", () => {
    for (const minutes of ["0", "-5", "301", "1,5", "12abc", "0x10"]) {
      const input = neighbourInputFromForm(
        form([
          ["municipalityId", "m"],
          ["neighbour", "a"],
          [minutesField("a"), minutes],
        ]),
      );
      const result = neighboursSchema.safeParse(input);
      expect(result.success, minutes).toBe(false);
      expect(Object.keys(neighbourFieldErrors(result.error!.issues, input)), minutes).toEqual([minutesField("a")]);
    }
    const self = neighbourInputFromForm(
      form([
        ["municipalityId", "m"],
        ["neighbour", "m"],
      ]),
    );
    const selfResult = neighboursSchema.safeParse(self);
    expect(neighbourFieldErrors(selfResult.error!.issues, self)).toEqual({ form: ["Eine Kommune ist nicht ihr eigener Nachbar."] });
    const twice = neighbourInputFromForm(
      form([
        ["municipalityId", "m"],
        ["neighbour", "a"],
        ["neighbour", "a"],
      ]),
    );
    expect(neighbourFieldErrors(neighboursSchema.safeParse(twice).error!.issues, twice)).toEqual({
      form: ["Ein Nachbar ist doppelt angegeben."],
    });
  });

  it("refuses ids that are no ids, and too many neighbours", () => {
    expect(neighboursSchema.safeParse({ municipalityId: "m'; DROP TABLE x", neighbours: [] }).success).toBe(false);
    expect(neighboursSchema.safeParse({ municipalityId: "m", neighbours: [{ id: { $ne: null }, travelMinutes: "" }] }).success).toBe(false);
    const many = Array.from({ length: 201 }, (_, index) => ({ id: `n${index}`, travelMinutes: "" }));
    expect(neighboursSchema.safeParse({ municipalityId: "m", neighbours: many }).success).toBe(false);
  });

  it("stores a pair once, the smaller id first", () => {
    expect(canonicalPair("b", "a")).toEqual({ municipalityId: "a", neighbourId: "b" });
    expect(canonicalPair("a", "b")).toEqual({ municipalityId: "a", neighbourId: "b" });
  });

  it("gives the demo county a connected neighbourhood of distinct pairs", () => {
    const names = new Set(DEMO_NEIGHBOURS.flatMap(([a, b]) => [a, b]));
    expect(names.size).toBe(21);
    const pairs = DEMO_NEIGHBOURS.map(([a, b]) => [a, b].sort().join("|"));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(DEMO_NEIGHBOURS.every(([a, b, minutes]) => a !== b && (minutes === null || (minutes >= 1 && minutes <= 300)))).toBe(true);
  });
});
