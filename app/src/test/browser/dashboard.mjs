// Opens the dashboard in Chromium, loads the statistics and reports what it drew, as one JSON line.
// Usage: node dashboard.mjs BASE_URL API_KEY SCREENSHOT_PATH
import { openPage } from "./pages.mjs";

const [base, key, screenshot] = process.argv.slice(2);
const { browser, page, errors } = await openPage({ width: 1100, height: 1000 });
try {
  await page.goto(base + "/dashboard");
  await page.fill("#api-key", key);
  await page.click("#load");
  await page.waitForSelector("#scatter .point", { timeout: 30000 });
  await page.waitForSelector("#usage .usage-bar", { timeout: 30000 });
  const result = {
    points: await page.$$eval("#scatter .point", (points) => points.length),
    ttfcBars: await page.$$eval("#ttfc .bar", (bars) => bars.filter((bar) => Number(bar.dataset.value) > 0).length),
    successBars: await page.$$eval("#success .bar", (bars) => bars.filter((bar) => Number(bar.dataset.value) > 0).length),
    leaderboard: await page.$$eval("#leaderboard tbody tr", (rows) => rows.map((row) => row.dataset.uid)),
    usageBars: await page.$$eval("#usage .usage-bar", (bars) => bars.map((bar) => ({
      key: bar.dataset.key, day: bar.dataset.day, tokens: Number(bar.dataset.value) }))),
    usageRows: await page.$$eval("#usage-table tbody tr", (rows) => rows.length),
    errors,
  };
  // Narrowed to one miner, the time charts hold that miner's answers only.
  const one = await page.$$eval("#uid option", (options) => options.map((option) => option.value).filter(Boolean)[0]);
  await page.selectOption("#uid", one);
  await page.waitForFunction(() => document.querySelector("#summary").textContent.startsWith("1 answer "));
  result.oneMiner = await page.textContent("#summary");
  await page.selectOption("#uid", "");
  await page.waitForFunction(() => !document.querySelector("#summary").textContent.startsWith("1 answer "));
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
