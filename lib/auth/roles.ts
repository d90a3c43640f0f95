import type { Role } from "../db/generated/enums";

export const ROLE_LABELS: Record<Role, string> = {
  CLERK: "Sachbearbeitung Kommune",
  COORDINATOR: "Koordinierungsstab",
  PRESS: "Pressestelle",
  ADMIN: "Administration",
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];
