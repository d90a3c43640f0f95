import { expect, test, type Browser, type Page, type Request } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, saveScreenshot, signInAs, withDatabase } from "./helpers";

// Inter-municipal help end to end (issue 12): Kommune M asks for 20 places, Kommune R offers 20,
// the coordinator accepts, and /lage counts the placement for both (county totals unchanged);
// every step's mail arrives in the catcher.

const row = (page: Page, slug: string) => page.locator(`tr[data-municipality="${slug}"]`);
const cell = (page: Page, slug: string, column: string) => row(page, slug).locator(`td[data-column="${column}"]`);

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}

async function waitForMail(address: string, subject: RegExp) {
  await expect(async () => {
    const subjects = await withDatabase(async (client) => {
      const { rows } = await client.query<{ subject: string }>("SELECT subject FROM caught_mail WHERE $1 = ANY(envelope_to)", [address]);
      return rows.map((mail) => mail.subject);
    });
    expect(
      subjects.some((candidate) => subject.test(candidate)),
      `${address}: ${subject}`,
    ).toBe(true);
  }).toPass({ timeout: 20_000 });
}

test("M asks, R offers, the coordinator accepts: /lage counts the placement, the mails arrive", async ({ browser }) => {
  test.setTimeout(120_000);
  const clerkM = await signedIn(browser, ACCOUNTS.clerkM);
  const clerkR = await signedIn(browser, ACCOUNTS.clerkR);
  const coordinator = await signedIn(browser, ACCOUNTS.coordinator);
  let requestUrl = "";
  try {
    await coordinator.goto("/lage");
    await expect(cell(coordinator, "kommune-m", "shortfall")).toHaveText("73 fehlen");
    await expect(cell(coordinator, "kommune-r", "shortfall")).toHaveText("174 frei");
    const totalsBefore = await coordinator.getByTestId("totals-row").innerText();

    // M: the form starts at M's Bedarf.
    await clerkM.goto("/amtshilfe/neu");
    await expect(clerkM.getByLabel("Personen, die untergebracht werden müssen")).toHaveValue("73");
    await expectNoAccessibilityViolations(clerkM);
    await clerkM.getByLabel("Personen, die untergebracht werden müssen").fill("20");
    await clerkM.getByLabel("Zusammensetzung in Worten").fill("3 Familien, 8 Einzelpersonen");
    await clerkM.getByRole("button", { name: "Anfrage stellen" }).click();
    await expect(clerkM).toHaveURL(/\/amtshilfe\/[A-Za-z0-9_-]+\?angefragt=1$/);
    await expect(clerkM.getByRole("heading", { level: 1 })).toHaveText("Kommune M bittet um 20 Plätze");
    requestUrl = new URL(clerkM.url()).pathname;
    await waitForMail(ACCOUNTS.coordinator, /Kommune M bittet um 20 Plätze/);

    // R sees the request on its overview and offers 20 places.
    await clerkR.goto("/uebersicht");
    await clerkR
      .getByTestId("open-help-requests")
      .getByRole("link", { name: /Kommune M: noch 20 von 20 Personen/ })
      .click();
    await expect(clerkR).toHaveURL(new RegExp(`${requestUrl}$`));
    const offerForm = clerkR.getByRole("form", { name: "Plätze anbieten" });
    await offerForm.getByLabel("Plätze für Personen").fill("20");
    await offerForm.getByLabel("Bis (erster Tag ohne Platz)").fill("2099-12-31");
    await offerForm.getByRole("button", { name: "Plätze anbieten" }).click();
    await expect(clerkR.getByRole("status").filter({ hasText: "Ihr Angebot ist eingetragen." })).toBeVisible();
    await expectNoAccessibilityViolations(clerkR);
    await waitForMail(ACCOUNTS.clerkM, /Kommune R bietet 20 Plätze für Kommune M/);
    // R cannot accept its own offer: no button for it.
    await clerkR.reload();
    await expect(clerkR.getByRole("button", { name: /annehmen$/ })).toHaveCount(0);

    // The coordinator accepts (the server action's request is kept for the replay below).
    await coordinator.goto(requestUrl);
    let accepting: Request | undefined;
    coordinator.on("request", (request) => {
      if (request.method() === "POST" && request.headers()["next-action"]) accepting = request;
    });
    await coordinator.getByRole("button", { name: "Angebot von Kommune R über 20 Plätze annehmen" }).click();
    await expect(coordinator.getByRole("status").filter({ hasText: "Die Unterbringung ist vereinbart" })).toBeVisible();
    await expect(coordinator).toHaveURL(/\?erledigt=angenommen$/);
    await expect(coordinator.getByTestId("coverage")).toHaveText("20 von 20 Personen gedeckt");
    await expect(coordinator.getByTestId("placement")).toContainText("20 Personen aus Kommune M in Kommune R");
    await expect(coordinator.getByTestId("placement")).toContainText("läuft");
    await expect(coordinator.getByTestId("help-history")).toContainText("Angebot angenommen, Unterbringung vereinbart (Kim Koordination)");
    await expectNoAccessibilityViolations(coordinator);
    await saveScreenshot(coordinator, "amtshilfe-anfrage");
    for (const address of [ACCOUNTS.clerkM, ACCOUNTS.clerkR, ACCOUNTS.coordinator])
      await waitForMail(address, /Amtshilfe vereinbart: 20 Personen aus Kommune M in Kommune R/);

    // A clerk of another municipality replaying the acceptance is refused by the server.
    const clerkA = await signedIn(browser, ACCOUNTS.clerkA);
    const replay = await clerkA.request.post(requestUrl, {
      headers: {
        "next-action": accepting!.headers()["next-action"]!,
        "content-type": accepting!.headers()["content-type"]!,
        accept: "text/x-component",
      },
      data: accepting!.postData()!,
    });
    expect(await replay.text()).toContain("Annehmen kann nur die anfragende Kommune oder der Koordinierungsstab.");

    // /lage: M 20 fewer missing, R 20 fewer free, said in words beside the figures; totals unchanged.
    await coordinator.goto("/lage");
    await expect(cell(coordinator, "kommune-m", "shortfall")).toHaveText("53 fehlen");
    await expect(cell(coordinator, "kommune-r", "shortfall")).toHaveText("154 frei");
    await expect(cell(coordinator, "kommune-m", "flags")).toContainText("+20 in Kommune R untergebracht (Amtshilfe)");
    await expect(cell(coordinator, "kommune-r", "flags")).toContainText("nimmt 20 aus Kommune M auf (Amtshilfe)");
    expect(await coordinator.getByTestId("totals-row").innerText()).toBe(totalsBefore);

    // M's report form shows the running placement as a hint; /amtshilfe lists it.
    await clerkM.goto("/kommunen/kommune-m/meldung");
    await expect(clerkM.getByTestId("placement-hint")).toContainText("20 eigene Personen in Kommune R untergebracht");
    await clerkM.goto("/amtshilfe");
    await expect(clerkM.getByTestId("placements")).toContainText("20 Personen aus Kommune M in Kommune R");
    await expectNoAccessibilityViolations(clerkM);
    await saveScreenshot(clerkM, "amtshilfe");
  } finally {
    // Later tests compare /lage with the reference figures: the request goes again (with its
    // offers and placement).
    if (requestUrl) {
      const id = requestUrl.split("/").pop()!;
      await withDatabase((client) => client.query("DELETE FROM help_request WHERE id = $1", [id]));
    }
  }
});
