// What every page script shares: Debian's Chromium, and a list of what went wrong on the page.
import { chromium } from "playwright-core";

/**
 * Opens a page; its `errors` collect uncaught exceptions and every content-policy refusal, which Chromium
 * reports only on the console (a refused script or style breaks a page quietly).
 */
export async function openPage(viewport) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) {
      errors.push(message.text());
    }
  });
  return { browser, page, errors };
}
