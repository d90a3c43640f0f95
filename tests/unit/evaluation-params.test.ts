import { describe, expect, it } from "vitest";
import { parseEvaluationParams } from "../../lib/capacity/evaluation-params";

const today = "2026-11-21";

describe("/lage URL state", () => {
  it("defaults to today, sorted by shortfall with the most places missing first", () => {
    expect(parseEvaluationParams({}, today)).toEqual({
      asOf: today,
      asOfError: undefined,
      sort: { id: "shortfall", desc: true },
      query: "",
      shortOnly: false,
    });
  });

  it("reads sort, filters and date, every column including the flags", () => {
    expect(parseEvaluationParams({ sort: "flags.desc", q: "Kommune A", knapp: "1", stand: "2026-10-01" }, today)).toEqual({
      asOf: "2026-10-01",
      asOfError: undefined,
      sort: { id: "flags", desc: true },
      query: "Kommune A",
      shortOnly: true,
    });
  });

  it("falls back on unknown columns and unusable dates, saying why", () => {
    expect(parseEvaluationParams({ sort: "password.asc" }, today).sort).toEqual({ id: "shortfall", desc: true });
    expect(parseEvaluationParams({ stand: "2026-13-45" }, today)).toMatchObject({
      asOf: today,
      asOfError: expect.stringContaining("ungültig") as unknown,
    });
    expect(parseEvaluationParams({ stand: "2026-11-22" }, today)).toMatchObject({
      asOf: today,
      asOfError: expect.stringContaining("Zukunft") as unknown,
    });
  });

  it("refuses a Stand before 2000 with a message, and shows today instead", () => {
    const params = parseEvaluationParams({ stand: "0001-01-01" }, "2026-11-21");
    expect(params.asOf).toBe("2026-11-21");
    expect(params.asOfError).toMatch(/nicht vor dem 01\.01\.2000/);
  });
});
