import type { Role } from "../db/generated/enums";

/** The signed-in user as every data function receives it. Loaded fresh from the database per request. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  countyId: string;
  /** Set for clerks only. */
  municipalityId: string | null;
  mustChangePassword: boolean;
}

/** The fields of a user row that make up its actor. */
export function toActor(user: Actor & Record<string, unknown>): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    countyId: user.countyId,
    municipalityId: user.municipalityId,
    mustChangePassword: user.mustChangePassword,
  };
}

export type Permission =
  | "evaluation:read"
  | "report:write"
  | "users:manage"
  | "outbox:read"
  | "settings:manage"
  | "export:read"
  /** Follow, extend and end housing offers (clerks: their municipality's only). */
  | "offers:oversee"
  /** Municipal mailboxes and the board's legal texts. */
  | "board:configure"
  /** The installation's backup runs (lib/backup). */
  | "backups:read"
  /** The balancing proposal (/lage/ausgleich): who could take the gross shortfall from whom. */
  | "balancing:read"
  /** Record which municipalities border each other, with travel times. */
  | "neighbours:manage"
  /** Inter-municipal help (/amtshilfe): see requests, offers and placements. */
  | "help:read"
  /** Read the comments of help requests and offers (not the press office). */
  | "help:comments"
  /** Ask for, offer, agree and end help (clerks: for their municipality only). */
  | "help:act";

const GRANTS: Record<Role, readonly Permission[]> = {
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

export function can(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return GRANTS[actor.role].includes(permission);
}

/**
 * The municipalities an actor may write figures for, as a query condition: a clerk only its
 * own, a coordinator every one of its county, everybody else none.
 */
const NOTHING = { in: [] as string[] };

export function writableMunicipalities(actor: Actor): { countyId: string; id?: string | typeof NOTHING } {
  return ownOrCountyMunicipalities(actor, "report:write");
}

/** With the permission: a clerk its own municipality, the other roles every one of the county. */
function ownOrCountyMunicipalities(actor: Actor, permission: Permission): { countyId: string; id?: string | typeof NOTHING } {
  if (!can(actor, permission)) return { countyId: actor.countyId, id: NOTHING };
  if (actor.role === "CLERK") return { countyId: actor.countyId, id: actor.municipalityId ?? NOTHING };
  return { countyId: actor.countyId };
}

/**
 * The housing offers an actor may oversee, as a query condition: a clerk those of its own
 * municipality, coordinators and admins every one of their county, everybody else none.
 */
export function overseeableOffers(actor: Actor): { countyId: string; municipalityId?: string | typeof NOTHING; id?: typeof NOTHING } {
  if (!can(actor, "offers:oversee")) return { countyId: actor.countyId, id: NOTHING };
  if (actor.role === "CLERK") return { countyId: actor.countyId, municipalityId: actor.municipalityId ?? NOTHING };
  return { countyId: actor.countyId };
}

/**
 * The municipalities an actor may ask for or offer help on behalf of, as a query condition: a
 * clerk only its own, a coordinator every one of its county, everybody else none.
 */
export function helpingMunicipalities(actor: Actor): { countyId: string; id?: string | typeof NOTHING } {
  return ownOrCountyMunicipalities(actor, "help:act");
}
