"use strict";
/**
 * Loads the command line's bundle (dist/cli/main.js) as `require` would, with the V8 code cache made when it was built
 * (dist/cli/main.cache, by scripts/cli-code-cache.js): V8 takes the bundle's compiled functions from the cache instead
 * of compiling them again, which takes about a fifth off a command on a plan of a few hundred rows (README,
 * "Performance").
 *
 * The cache is used only when it was made from this very bundle: its first line is the bundle's SHA-256, because V8
 * itself compares only the source's length. V8 checks that the cache is its own (version and flags) and compiles the
 * bundle anew when it is not, so a cache left by another Node is harmless. Without a cache the bundle loads as before.
 */
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname } = require("node:path");
const { Script } = require("node:vm");

/** Where the code cache of a bundle is kept: beside it, `.cache` for `.js`. */
function cachePath(bundle) {
  return bundle.replace(/\.js$/, ".cache");
}

/** The first line of a cache file: the SHA-256 of the bundle it was made from. */
function cacheHeader(source) {
  return Buffer.from(`${createHash("sha256").update(source).digest("hex")}\n`);
}

/** The V8 data of the cache made from `source`, or undefined when there is none or it was made from another bundle. */
function cachedDataFor(bundle, source) {
  let data;
  try {
    data = readFileSync(cachePath(bundle));
  } catch {
    return undefined;
  }
  const header = cacheHeader(source);
  return data.length > header.length && data.subarray(0, header.length).equals(header) ? data.subarray(header.length) : undefined;
}

/**
 * Runs the bundle as a CommonJS module and returns its exports, the script (for making a cache from it) and whether
 * the cache was used.
 */
function loadBundle(bundle) {
  const source = readFileSync(bundle, "utf8");
  const cachedData = cachedDataFor(bundle, source);
  // The wrapper Node puts around a module, on the bundle's first line, so that line numbers stay the file's.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { exports: module.exports, script, source, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

module.exports = { loadBundle, cachePath, cacheHeader };
