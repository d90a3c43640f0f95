import { describe, expect, it } from "vitest";
import { helpOfferSchema, helpRequestSchema } from "../../lib/help/schema";
import { acceptsOffers, coverageStatus, coverageText, placementEnd, placementState } from "../../lib/help/states";

// States of inter-municipal help follow from dates and sums; the schemas refuse what the forms do.

describe("a placement's state", () => {
  const placement = { startsOn: "2026-11-10", endsOn: "2026-12-10", endedOn: null };
  it("is agreed before its first day, runs from it, and has ended on its end day", () => {
    expect(placementState(placement, "2026-11-09")).toBe("AGREED");
    expect(placementState(placement, "2026-11-10")).toBe("RUNNING");
    expect(placementState(placement, "2026-12-09")).toBe("RUNNING");
    expect(placementState(placement, "2026-12-10")).toBe("ENDED");
  });
  it("ends at the earlier of planned end and early end; open-ended runs on", () => {
    expect(placementEnd({ ...placement, endedOn: "2026-11-20" })).toBe("2026-11-20");
    expect(placementEnd({ ...placement, endedOn: "2026-12-20" })).toBe("2026-12-10");
    expect(placementEnd({ startsOn: "2026-11-10", endsOn: null, endedOn: null })).toBeNull();
    expect(placementState({ startsOn: "2026-11-10", endsOn: null, endedOn: null }, "2099-01-01")).toBe("RUNNING");
    // Called off on its first day: it never ran.
    expect(placementState({ ...placement, endedOn: "2026-11-10" }, "2026-11-10")).toBe("ENDED");
  });
});

describe("a request's coverage", () => {
  it("is open, partly covered or covered by the placed persons", () => {
    expect(coverageStatus(20, 0)).toBe("OPEN");
    expect(coverageStatus(20, 19)).toBe("PARTLY_COVERED");
    expect(coverageStatus(20, 20)).toBe("COVERED");
    expect(coverageStatus(20, 25)).toBe("COVERED");
    expect(coverageText(20, 25)).toBe("20 von 20 Personen gedeckt");
    expect(["OPEN", "PARTLY_COVERED", "COVERED", "WITHDRAWN"].filter((status) => acceptsOffers(status as never))).toEqual([
      "OPEN",
      "PARTLY_COVERED",
    ]);
  });
});

describe("the schemas", () => {
  const request = {
    municipalityId: "m1",
    persons: "1.200",
    composition: "2 Familien",
    neededBy: "2026-12-01",
    accommodation: "EITHER",
    comment: "",
  };
  it("takes a request as typed (German grouping) and refuses hostile input", () => {
    expect(helpRequestSchema.parse(request)).toMatchObject({ persons: 1200, comment: null });
    for (const [field, value] of [
      ["persons", "0"],
      ["persons", "0x10"],
      ["persons", "20000"],
      ["composition", ""],
      ["composition", "a\u0000b"],
      ["neededBy", "1999-12-31"],
      ["accommodation", "PALACE"],
      ["municipalityId", "../x"],
    ] as const) {
      const result = helpRequestSchema.safeParse({ ...request, [field]: value });
      expect(result.success, `${field}=${value}`).toBe(false);
      expect(result.error!.issues[0]!.path[0]).toBe(field);
    }
  });
  it("needs an end after the start for a temporary offer, and drops it for a permanent one", () => {
    const offer = {
      requestId: "r1",
      municipalityId: "m1",
      persons: "5",
      accommodation: "SHARED",
      availableFrom: "2026-12-01",
      duration: "TEMPORARY",
      availableUntil: "",
      comment: "",
    };
    expect(helpOfferSchema.safeParse(offer).error!.issues[0]!.path).toEqual(["availableUntil"]);
    expect(helpOfferSchema.safeParse({ ...offer, availableUntil: "2026-12-01" }).success).toBe(false);
    expect(helpOfferSchema.parse({ ...offer, availableUntil: "2026-12-02" }).availableUntil).toBe("2026-12-02");
    expect(helpOfferSchema.parse({ ...offer, duration: "PERMANENT", availableUntil: "2026-12-02" }).availableUntil).toBeNull();
    expect(helpOfferSchema.safeParse({ ...offer, accommodation: "EITHER", availableUntil: "2026-12-02" }).success).toBe(false);
  });
});
