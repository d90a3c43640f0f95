import type { Actor, Permission } from "./actor";
import { can } from "./actor";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
  /** Only shown when the built-in mail catcher runs. */
  needsMailCatcher?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/uebersicht", label: "Übersicht", permission: "evaluation:read" },
  { href: "/lage", label: "Lage", permission: "evaluation:read" },
  { href: "/amtshilfe", label: "Amtshilfe", permission: "help:read" },
  { href: "/export", label: "Export", permission: "export:read" },
  { href: "/angebote", label: "Wohnraumbörse", permission: "offers:oversee" },
  { href: "/einstellungen", label: "Einstellungen", permission: "settings:manage" },
  { href: "/verwaltung/benutzer", label: "Benutzer", permission: "users:manage" },
  { href: "/verwaltung/postausgang", label: "Postausgang", permission: "outbox:read", needsMailCatcher: true },
  { href: "/verwaltung/sicherungen", label: "Sicherungen", permission: "backups:read" },
];

export function navigationFor(actor: Actor, options: { mailCatcher: boolean }): NavItem[] {
  return NAV_ITEMS.filter((item) => can(actor, item.permission) && (!item.needsMailCatcher || options.mailCatcher));
}
