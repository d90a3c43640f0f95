import { describe, expect, it } from "vitest";
import { can, overseeableOffers, writableMunicipalities, type Actor, type Permission } from "../../lib/auth/actor";
import { navigationFor } from "../../lib/auth/navigation";

const actor = (role: Actor["role"], municipalityId: string | null = null): Actor => ({
  id: "u1",
  email: "x@example.org",
  name: "X",
  role,
  countyId: "county-1",
  municipalityId,
  mustChangePassword: false,
});

describe("role permissions", () => {
  const expected: Record<Actor["role"], Permission[]> = {
    CLERK: ["evaluation:read", "report:write", "offers:oversee", "help:read", "help:comments", "help:act"],
    COORDINATOR: [
      "evaluation:read",
      "report:write",
      "settings:manage",
      "export:read",
      "offers:oversee",
      "balancing:read",
      "help:read",
      "help:comments",
      "help:act",
    ],
    // The press office sees inter-municipal help, never its comments.
    PRESS: ["evaluation:read", "export:read", "help:read"],
    ADMIN: [
      "evaluation:read",
      "users:manage",
      "outbox:read",
      "settings:manage",
      "export:read",
      "offers:oversee",
      "board:configure",
      "backups:read",
      "balancing:read",
      "neighbours:manage",
    ],
  };
  const all: Permission[] = [
    "evaluation:read",
    "report:write",
    "users:manage",
    "outbox:read",
    "settings:manage",
    "export:read",
    "offers:oversee",
    "board:configure",
    "backups:read",
    "balancing:read",
    "neighbours:manage",
    "help:read",
    "help:comments",
    "help:act",
  ];

  for (const [role, granted] of Object.entries(expected) as [Actor["role"], Permission[]][]) {
    it(`${role} has exactly its permissions`, () => {
      for (const permission of all) expect(can(actor(role), permission), permission).toBe(granted.includes(permission));
    });
  }
});

describe("writable municipalities", () => {
  it("limits a clerk to its own municipality in its own county", () => {
    expect(writableMunicipalities(actor("CLERK", "m-a"))).toEqual({ countyId: "county-1", id: "m-a" });
  });
  it("lets a coordinator write for every municipality of its county", () => {
    expect(writableMunicipalities(actor("COORDINATOR"))).toEqual({ countyId: "county-1" });
  });
  it("matches nothing for press and admin", () => {
    expect(writableMunicipalities(actor("PRESS")).id).toEqual({ in: [] });
    expect(writableMunicipalities(actor("ADMIN")).id).toEqual({ in: [] });
  });
  it("matches nothing for a clerk without a municipality", () => {
    expect(writableMunicipalities(actor("CLERK", null)).id).toEqual({ in: [] });
  });
});

describe("overseeable offers", () => {
  it("limits a clerk to its own municipality's offers", () => {
    expect(overseeableOffers(actor("CLERK", "m-a"))).toEqual({ countyId: "county-1", municipalityId: "m-a" });
  });
  it("lets coordinators and admins oversee their whole county", () => {
    expect(overseeableOffers(actor("COORDINATOR"))).toEqual({ countyId: "county-1" });
    expect(overseeableOffers(actor("ADMIN"))).toEqual({ countyId: "county-1" });
  });
  it("matches nothing for press and for a clerk without a municipality", () => {
    expect(overseeableOffers(actor("PRESS")).id).toEqual({ in: [] });
    expect(overseeableOffers(actor("CLERK", null)).municipalityId).toEqual({ in: [] });
  });
});

describe("navigation by role", () => {
  it("shows admin pages to admins only, the outbox only with the mail catcher", () => {
    expect(navigationFor(actor("ADMIN"), { mailCatcher: true }).map((item) => item.href)).toEqual([
      "/uebersicht",
      "/lage",
      "/export",
      "/angebote",
      "/einstellungen",
      "/verwaltung/benutzer",
      "/verwaltung/postausgang",
      "/verwaltung/sicherungen",
    ]);
    expect(navigationFor(actor("COORDINATOR"), { mailCatcher: true }).map((item) => item.href)).toEqual([
      "/uebersicht",
      "/lage",
      "/amtshilfe",
      "/export",
      "/angebote",
      "/einstellungen",
    ]);
    expect(navigationFor(actor("ADMIN"), { mailCatcher: false }).map((item) => item.href)).not.toContain("/verwaltung/postausgang");
    expect(navigationFor(actor("CLERK", "m"), { mailCatcher: true }).map((item) => item.href)).toEqual([
      "/uebersicht",
      "/lage",
      "/amtshilfe",
      "/angebote",
    ]);
    expect(navigationFor(actor("PRESS"), { mailCatcher: true }).map((item) => item.href)).toEqual([
      "/uebersicht",
      "/lage",
      "/amtshilfe",
      "/export",
    ]);
  });
});
