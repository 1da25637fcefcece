// Live reload end to end in headless Chromium: runs `newsprint serve` on a copy of a site, opens
// an article scrolled to its end, saves edits to its Markdown and measures how long each takes
// to show in the page, checking that the scroll position is kept and the page is not reloaded;
// then that a CSS edit hot-swaps, and that the error overlay's caret line does not wrap at 375 px.
//
//   NODE_PATH=<node_modules with playwright-core> node tests/e2e/live_reload.cjs <newsprint> <site copy>
//
// The site copy is edited. Prints the median save→visible time; exits 1 if a check fails. No
// timed assertion: a busy machine makes the figure worse, not the test flaky.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.NEWSPRINT_CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
const EDITS = Number(process.env.NEWSPRINT_E2E_EDITS || 21);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
}

/// Starts `newsprint serve` and resolves with its process and the URL it serves.
function serve(binary, root) {
  const child = spawn(binary, ["serve", "--root", root, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stderr.on("data", (chunk) => { out += chunk; });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const found = /serving (http:\/\/\S+)/.exec(out);
      if (found) resolve({ child, url: found[1] });
    });
    child.on("exit", (code) => reject(new Error(`newsprint serve exited with ${code}:\n${out}`)));
  });
}

/// The article with the most words: the long page a writer scrolls down.
function longestArticle(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".md")) files.push(full);
    }
  };
  walk(path.join(root, "content"));
  files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  return files[0];
}

/// Watches the page for `marker` in its text; records when the DOM had it and the next frame.
async function expectText(page, marker) {
  await page.evaluate((marker) => {
    window.__seen = null;
    const observer = new MutationObserver(() => {
      if (!document.body || !document.body.textContent.includes(marker)) return;
      observer.disconnect();
      const dom = performance.timeOrigin + performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => {
        window.__seen = { dom, frame: performance.timeOrigin + performance.now() };
      }));
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, marker);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function measureEdits(page, file) {
  const original = fs.readFileSync(file, "utf8");
  const y = await page.evaluate(() => scrollY);
  const times = [];
  for (let i = 1; i <= EDITS; i++) {
    const marker = `Edit number ${i} reached the page.`;
    await expectText(page, marker);
    const saved = Date.now();
    fs.writeFileSync(file, `${original.trimEnd()}\n\n${marker}\n`);
    await page.waitForFunction(() => window.__seen, null, { timeout: 20000 });
    const seen = await page.evaluate(() => window.__seen);
    times.push(seen.frame - saved);
    const now = await page.evaluate(() => ({ y: scrollY, mark: window.__mark }));
    if (now.mark !== "kept") fail(`edit ${i}: the page was reloaded in full`);
    if (Math.abs(now.y - y) > 1) fail(`edit ${i}: scroll moved from ${y} to ${now.y}`);
    await sleep(150);
  }
  // The first edit warms caches; leave it out of the figure.
  const measured = times.slice(1);
  console.log(`save→visible over ${measured.length} edits: median ${median(measured).toFixed(0)} ms, ` +
    `min ${Math.min(...measured).toFixed(0)} ms, max ${Math.max(...measured).toFixed(0)} ms (scroll kept at ${y}px)`);
  return original;
}

async function checkCss(page, root) {
  const css = path.join(root, "themes/default/static/style.css");
  const original = fs.readFileSync(css, "utf8");
  fs.writeFileSync(css, `${original}\n.story-body{outline:3px solid rgb(1, 2, 3)}\n`);
  await page.waitForFunction(() =>
    getComputedStyle(document.querySelector(".story-body")).outlineColor === "rgb(1, 2, 3)", null, { timeout: 20000 });
  if (await page.evaluate(() => window.__mark) !== "kept") fail("a CSS edit reloaded the page");
  fs.writeFileSync(css, original);
  await page.waitForFunction(() =>
    getComputedStyle(document.querySelector(".story-body")).outlineColor !== "rgb(1, 2, 3)", null, { timeout: 20000 });
  if (await page.evaluate(() => window.__mark) !== "kept") fail("a CSS edit reloaded the page");
  console.log("CSS edits: hot-swapped without a reload");
}

async function checkOverlay(page, file, original) {
  await page.setViewportSize({ width: 375, height: 800 });
  const broken = original.replace(/^date: .*$/m, "date: the Tuesday after the talks in Riyadh, if they happen at all");
  fs.writeFileSync(file, broken);
  await page.waitForSelector("#newsprint-error pre", { timeout: 20000 });
  const pre = await page.evaluate(() => {
    const pre = document.querySelector("#newsprint-error pre");
    const style = getComputedStyle(pre);
    const lines = pre.textContent.split("\n").length;
    return {
      whiteSpace: style.whiteSpace, overflowX: style.overflowX, scrolls: pre.scrollWidth > pre.clientWidth,
      lines, height: pre.getBoundingClientRect().height, lineHeight: parseFloat(style.lineHeight),
      caret: pre.textContent.includes("^"),
    };
  });
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: path.join(process.env.SCREENSHOTS, "overlay-375.png") });
  }
  const rendered = Math.round(pre.height / pre.lineHeight);
  if (pre.whiteSpace !== "pre" || !pre.scrolls || !pre.caret || rendered > pre.lines + 1) {
    fail(`the report wraps at 375 px: ${JSON.stringify(pre)}`);
  } else {
    console.log(`error overlay at 375 px: ${pre.lines} lines, none wrapped; scrolls sideways`);
  }
  fs.writeFileSync(file, original);
  await page.waitForSelector("#newsprint-error", { state: "detached", timeout: 20000 });
}

(async () => {
  const [binary, root] = process.argv.slice(2);
  const { child, url } = await serve(binary, root);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const file = longestArticle(root);
    const slug = path.basename(file, ".md");
    const home = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await home.goto(url);
    const href = await home.evaluate((slug) =>
      [...document.querySelectorAll("a")].map((a) => a.href).find((h) => h.includes(`/${slug}/`)), slug);
    await home.close();
    if (!href) throw new Error(`no link to ${slug} on the home page`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(href);
    await page.evaluate(() => { window.__mark = "kept"; scrollTo(0, document.body.scrollHeight); });
    await sleep(500);
    // A stylesheet swap first: the edits after it must still swap the page in place.
    await checkCss(page, root);
    const original = await measureEdits(page, file);
    await checkOverlay(page, file, original);
  } finally {
    await browser.close();
    child.kill();
  }
})().catch((error) => { console.error(error); process.exit(2); });
