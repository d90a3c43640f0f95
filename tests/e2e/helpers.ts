import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "e2e-demo-passwort";
export const ACCOUNTS = {
  admin: "admin@wohnraum.example",
  coordinator: "koordination@wohnraum.example",
  press: "presse@wohnraum.example",
  clerkA: "kommune-a@wohnraum.example",
  clerkM: "kommune-m@wohnraum.example",
  clerkR: "kommune-r@wohnraum.example",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/anmelden");
  await submitSignIn(page, email, password);
}

/** Fills the sign-in form on the current page. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/uebersicht/);
}

/** The page's own message box (Next.js adds an empty role=alert route announcer to every page). */
export const formAlert = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

/** Direct access to the app's database, to check what was (not) written. */
export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), "wohnraum-e2e");
  const password = readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
  const client = new pg.Client({
    host: "127.0.0.1",
    port: Number(process.env.E2E_PG_PORT ?? 54329),
    user: "postgres",
    password,
    database: "wohnraum",
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** WCAG 2.1 A and AA rules of axe-core; any violation fails with its description. */
export async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(summary).toEqual([]);
}

/**
 * Keeps a screenshot of a page as a test artefact (test-results/screenshots/), to look at
 * after a run: a page that renders but looks broken is broken.
 */
export async function saveScreenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join("test-results", "screenshots", `${name}.png`) });
}
