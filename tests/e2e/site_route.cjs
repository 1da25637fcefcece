// Serves a built site to a Playwright browser context at the URL it was built for, as GitHub
// Pages would: `<base>x/` is `<dir>/x/index.html`; anything missing gets `404.html`, status 404.
// No port and no network: the site's absolute URLs (stylesheet, links) resolve as published.
"use strict";
const fs = require("fs");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".svg": "image/svg+xml",
  ".xml": "application/xml", ".json": "application/json", ".png": "image/png",
  ".jpg": "image/jpeg", ".txt": "text/plain", ".js": "text/javascript",
};

async function routeSite(context, dir, base) {
  const root = path.resolve(dir);
  const basePath = new URL(base).pathname;
  await context.route((url) => url.href.startsWith(base), (route) => {
    let rel = decodeURIComponent(new URL(route.request().url()).pathname.slice(basePath.length));
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    let file = path.resolve(root, rel);
    let status = 200;
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      file = path.join(root, "404.html");
      status = 404;
    }
    const contentType = TYPES[path.extname(file)] || "application/octet-stream";
    return route.fulfill({ status, contentType, body: fs.readFileSync(file) });
  });
}

module.exports = { routeSite };
