// Opens the Swagger UI at /docs in Chromium and reports the operations it drew, as one JSON line.
// Usage: node docs.mjs BASE_URL
import { openPage } from "./pages.mjs";

const [base] = process.argv.slice(2);
const { browser, page, errors } = await openPage({ width: 1100, height: 900 });
try {
  await page.goto(base + "/docs/");
  await page.waitForSelector(".opblock", { timeout: 30000 });
  const result = {
    operations: await page.$$eval(".opblock-summary-path", (paths) => paths.map((path) => path.dataset.path)),
    errors,
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
