// Opens the playground in Chromium, sends a chat and reports what the page showed, as one JSON line.
// Usage: node playground.mjs BASE_URL API_KEY SCREENSHOT_PATH
import { openPage } from "./pages.mjs";

const [base, key, screenshot] = process.argv.slice(2);
const { browser, page, errors } = await openPage({ width: 1100, height: 900 });
try {
  await page.goto(base + "/");
  await page.fill("#api-key", key);
  await page.fill("#prompt", "What does a Bittensor validator do?");
  await page.fill("#k", "3");
  await page.selectOption("#prefer", "longest");
  await page.click("#send");
  await page.waitForSelector(".lane.selected", { timeout: 30000 });
  const result = {
    answer: await page.textContent("#answer"),
    lanes: await page.$$eval(".lane", (lanes) => lanes.map((lane) => ({
      uid: lane.dataset.uid, label: lane.querySelector(".who").textContent,
      selected: lane.classList.contains("selected"),
      status: lane.querySelector(".status").textContent,
    }))),
    errors,
  };
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
