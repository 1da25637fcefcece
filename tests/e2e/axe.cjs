// axe-core over every page kind of a built site, in light and dark colour schemes, in headless
// Chromium; with SCREENSHOTS=<dir>, also saves screenshots at 375 and 1280 px.
//
//   NODE_PATH=<node_modules with axe-core and playwright-core> node tests/e2e/axe.cjs <site> [pages…]
//
// The site must be built with base URL https://user.github.io/digest (NEWSPRINT_BASE_URL to change),
// which is answered from the folder: nothing goes to the network.
// Pages default to one of each kind; exits 1 if axe reports any violation.
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");
const { routeSite } = require("./site_route.cjs");

const CHROMIUM = process.env.NEWSPRINT_CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

/// One page of each kind the site has: home (and page 2), an article with a table, footnotes
/// and a task list, one with a lead image, the tag index, a tag, and the 404 page.
function pagesOf(site) {
  const pages = ["", "tags/", "404.html"];
  if (fs.existsSync(path.join(site, "page/2/index.html"))) pages.push("page/2/");
  const articles = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "index.html" && /^\d{4}\//.test(path.relative(site, full))) {
        articles.push(path.relative(site, dir) + "/");
      }
    }
  };
  walk(site);
  const has = (needle) => articles.find((a) =>
    fs.readFileSync(path.join(site, a, "index.html"), "utf8").includes(needle));
  for (const needle of ["data-footnotes", "<table", "contains-task-list", "lead-image", "class=\"story\""]) {
    const found = has(needle);
    if (found && !pages.includes(found)) pages.push(found);
  }
  const tag = fs.readdirSync(path.join(site, "tags"), { withFileTypes: true }).find((e) => e.isDirectory());
  if (tag) pages.push(`tags/${tag.name}/`);
  // Authors, date archives and search (#18). Alias pages are left out: they redirect at once.
  const dirs = (dir) => fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    : [];
  for (const folder of ["authors/", "archive/", "search/"]) {
    if (fs.existsSync(path.join(site, folder, "index.html"))) pages.push(folder);
  }
  const author = dirs(path.join(site, "authors"))[0];
  if (author) pages.push(`authors/${author}/`);
  const year = dirs(site).find((d) => /^\d{4}$/.test(d) && fs.existsSync(path.join(site, d, "index.html")));
  if (year) {
    pages.push(`${year}/`);
    const month = dirs(path.join(site, year)).find((d) => /^\d{2}$/.test(d));
    if (month) pages.push(`${year}/${month}/`);
  }
  return pages;
}

(async () => {
  const site = path.resolve(process.argv[2]);
  const pages = process.argv.length > 3 ? process.argv.slice(3) : pagesOf(site);
  const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const base = (process.env.NEWSPRINT_BASE_URL || "https://user.github.io/digest").replace(/\/?$/, "/");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  let violations = 0;
  try {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      await routeSite(context, site, base);
      const page = await context.newPage();
      for (const p of pages) {
        await page.goto(base + p);
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() => axe.run(document, { resultTypes: ["violations"] }));
        for (const v of result.violations) {
          violations += 1;
          console.log(`${scheme} ${base}${p}: ${v.id} (${v.impact}): ${v.help}`);
          for (const node of v.nodes.slice(0, 5)) console.log(`    ${node.target.join(" ")}: ${node.failureSummary.split("\n").join(" ")}`);
        }
      }
      await context.close();
    }
    const shots = process.env.SCREENSHOTS;
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      for (const width of [375, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        await routeSite(context, site, base);
        const page = await context.newPage();
        for (const p of pages) {
          await page.goto(base + p);
          const name = (p.replace(/\/$/, "").replace(/[\/.]/g, "_") || "home") + `-${width}.png`;
          await page.screenshot({ path: path.join(shots, name), fullPage: true });
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`axe-core: ${pages.length} pages × 2 colour schemes, ${violations} violations`);
  process.exit(violations ? 1 : 0);
})().catch((error) => { console.error(error); process.exit(2); });
