import { chromium } from "@playwright/test";
import { resolveChromium, CHROMIUM_ARGS } from "./chromium.ts";
const [email, password, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto("http://localhost:3000/anmelden");
await page.fill("#email", email!); await page.fill("#password", password!);
await page.click("button[type=submit]");
await page.waitForURL(/uebersicht/, { timeout: 15000 }).catch(async () => { console.log("URL", page.url()); });
for (const p of paths) { await page.goto("http://localhost:3000" + p); await page.waitForTimeout(800); const name = `/tmp/shot${p.replace(/[\/?=&.]/g, "_")}.png`; await page.screenshot({ path: name, fullPage: true }); console.log(name, page.url()); }
await browser.close();
