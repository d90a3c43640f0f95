import { chromium } from "@playwright/test";
import { resolveChromium, CHROMIUM_ARGS } from "./chromium.ts";
const [email, password, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto("http://localhost:3000/anmelden");
await page.screenshot({ path: "/tmp/shot-signin.png", fullPage: true });
await page.fill("#email", email!); await page.fill("#password", password!);
await page.click("button[type=submit]");
await page.waitForURL(/uebersicht/, { timeout: 15000 }).catch(async () => { console.log("URL", page.url()); });
for (const p of paths) { await page.goto("http://localhost:3000" + p); await page.screenshot({ path: `/tmp/shot${p.replace(/\//g, "_")}.png`, fullPage: true }); console.log(p, page.url()); }
await browser.close();
