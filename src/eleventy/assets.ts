// Compiles the site's one stylesheet (GOV.UK Frontend, only the parts the site uses) and its
// script bundle with its chunks, names them by content hash so browsers can cache them for a year, and writes them
// into whatever folder Eleventy is building, with the service worker that keeps them offline.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as esbuild from "esbuild";
import { OFFLINE_FALLBACK_URL, PAGE_LIST_URL, WORKER_URL } from "../lib/offline/offline-cache.ts";
import { cachedOutputs, inputsHash } from "../pipeline/build-cache.ts";
import { classicScript, scriptSourcesHash } from "../pipeline/classic-script.ts";
import { readSettings } from "../content/data-files.ts";
import type { Settings } from "../content/schemas.ts";
import type { BuildContext } from "../pipeline/build-context.ts";
import { addPageTransform } from "./site-outputs.ts";
import type { EleventyConfig } from "./types.ts";
import { browserDir, projectRoot } from "../project.ts";

export interface BuiltAsset {
  /** The address pages link to, e.g. /assets/site.1a2b3c4d.css */
  url: string;
  contents: Uint8Array | string;
}

function hashed(name: string, ext: string, contents: Uint8Array | string): string {
  return `/assets/${name}.${createHash("sha256").update(contents).digest("hex").slice(0, 10)}.${ext}`;
}

/** A plain square in the council's colour, so browsers have an icon and never ask for /favicon.ico. */
function favicon(settings: Settings | undefined): BuiltAsset {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="${settings?.brandColour ?? "#1d70b8"}"/></svg>`;
  return { url: hashed("favicon", "svg", svg), contents: svg };
}

async function compileStyles(settings: Settings | undefined): Promise<BuiltAsset> {
  // The council's colour and address reach the theme as Sass configuration; both were checked
  // against the settings schema before the build got here.
  const entry = `@use "site" with ($brand-colour: ${settings?.brandColour ?? "#1d70b8"}, $base-url: ${JSON.stringify(settings?.baseUrl ?? "")});\n`;
  // Compiling GOV.UK Frontend's Sass takes about two seconds (and loading Sass most of one), so
  // the CSS is kept between builds.
  const key = await inputsHash([browserDir], (file) => file.endsWith(".scss"), [entry, await readFile(path.join(projectRoot, "package-lock.json"))]);
  const [[, css]] = (await cachedOutputs("styles", key, async () => {
    const sass = await import("sass");
    const result = await sass.compileStringAsync(entry, {
      loadPaths: [browserDir, path.join(projectRoot, "node_modules/govuk-frontend/dist")],
      style: "compressed",
      quietDeps: true,
      silenceDeprecations: ["import"],
    });
    return [["site.css", result.css]];
  })) as [[string, Uint8Array]];
  return { url: hashed("site", "css", css), contents: css };
}

const outdir = path.join(projectRoot, ".esbuild-out");

/** esbuild's output files as assets under /assets/. */
async function runEsbuild(options: esbuild.BuildOptions): Promise<BuiltAsset[]> {
  const key = await scriptSourcesHash(JSON.stringify(options));
  const outputs = await cachedOutputs("scripts", key, async () => {
    const result = await esbuild.build({
      bundle: true,
      format: "esm",
      // ES2022: class fields stay as written, with no helper code; browsers that run
      // type="module" scripts from 2021 on support it, and Object.hasOwn needs it anyway.
      target: "es2022",
      minify: true,
      write: false,
      outdir,
      entryNames: "[name].[hash]",
      chunkNames: "[name].[hash]",
      legalComments: "none",
      ...options,
    });
    return (result.outputFiles ?? []).map((file): [string, Uint8Array] => [
      `/assets/${path.relative(outdir, file.path).split(path.sep).join("/")}`,
      file.contents,
    ]);
  });
  return outputs.map(([url, contents]) => ({ url, contents }));
}

/**
 * The site bundle and the chunks it loads on demand (one per feature, plus code they share), as
 * ES modules split by esbuild. Search is built on its own and loaded by its address: lunr is
 * CommonJS, and in the split build esbuild's CommonJS helpers would become a chunk every page loads.
 * lunr is a file of its own (search-lunr.*.js), which the search bundle imports by its address
 * only for a query with lunr's syntax or a correction (see query-words.ts).
 */
async function bundleScripts(): Promise<{ entry: BuiltAsset; chunks: BuiltAsset[] }> {
  const [lunrModule] = await runEsbuild({ entryPoints: { "search-lunr": path.join(browserDir, "search/lunr-module.ts") } });
  const search = await runEsbuild({ entryPoints: { search: path.join(browserDir, "search/search.ts") }, plugins: [lunrByAddress(lunrModule!.url)] });
  const searchEntry = search.find((asset) => SEARCH_BUNDLE.test(asset.url));
  if (!searchEntry) throw new Error("esbuild wrote no search bundle");
  search.push(lunrModule!);
  const assets = await runEsbuild({
    entryPoints: { site: path.join(browserDir, "main.ts") },
    splitting: true,
    define: { SEARCH_BUNDLE_URL: JSON.stringify(searchEntry.url) },
    external: ["/assets/*"],
  });
  const entry = assets.find((asset) => /^\/assets\/site\.[^/]+\.js$/.test(asset.url));
  if (!entry) throw new Error("esbuild wrote no site bundle");
  return { entry, chunks: [...search, ...assets.filter((asset) => asset !== entry)] };
}

/**
 * Resolves the search's import of lunr-module.ts to the address of lunr's own file, built on its
 * own: in a split build esbuild puts lunr's CommonJS wrapper in a third file, which the search
 * bundle would then have to fetch before it could run.
 */
function lunrByAddress(url: string): esbuild.Plugin {
  return {
    name: "lunr-by-address",
    setup(build) {
      build.onResolve({ filter: /\/lunr-module\.ts$/ }, () => ({ path: url, external: true }));
    },
  };
}

/** The search bundle's entry, and its files. */
const SEARCH_BUNDLE = /^\/assets\/search\.[^/]+\.js$/;
const SEARCH_FILE = /^\/assets\/search[.-]/;

/**
 * The chunks a script imports before it can run, and theirs, by address: a browser finds each only
 * once the one before it has arrived, a round trip apiece, unless the page preloads them. Read
 * from esbuild's own output, which writes a static import as `from"./chunk.X.js"` or
 * `import"./chunk.X.js"` (a dynamic one as `import("./x.js")`, left out).
 */
function staticImports(script: BuiltAsset, assets: readonly BuiltAsset[]): string[] {
  const byUrl = new Map(assets.map((asset) => [asset.url, asset]));
  const found = new Set<string>();
  const visit = (asset: BuiltAsset) => {
    const text = typeof asset.contents === "string" ? asset.contents : new TextDecoder().decode(asset.contents);
    for (const [, file] of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      const url = `/assets/${file}`;
      if (found.has(url) || !byUrl.has(url)) continue;
      found.add(url);
      visit(byUrl.get(url)!);
    }
  };
  visit(script);
  return [...found];
}

/** The pages the service worker keeps for when the network fails. */
const SHELL_PAGES = [OFFLINE_FALLBACK_URL, "/saved-pages/"];

/**
 * The service worker, at the site's root so it can answer for every page. Its version changes with
 * the shell (hashed assets and the pages it keeps), so each build's pages are cached with their own CSS.
 */
async function serviceWorker(shellPages: ReadonlyMap<string, string>, shellAssets: string[]): Promise<Uint8Array> {
  const hash = createHash("sha256").update(shellAssets.join("\n"));
  for (const url of SHELL_PAGES) hash.update(shellPages.get(url) ?? "");
  return classicScript("offline/service-worker.ts", {
    CACHE_VERSION: JSON.stringify(hash.digest("hex").slice(0, 10)),
    SHELL_URLS: JSON.stringify([...shellAssets, ...SHELL_PAGES, PAGE_LIST_URL]),
  });
}

export default function assets(eleventyConfig: EleventyConfig, build: BuildContext): void {
  const contentDir = path.resolve(eleventyConfig.directories.input);
  let built:
    | Promise<{ css: BuiltAsset; js: BuiltAsset; early: BuiltAsset; searchEarly: BuiltAsset; icon: BuiltAsset; chunks: BuiltAsset[]; all: BuiltAsset[] }>
    | undefined;

  const buildAssets = () => {
    built ??= (async () => {
      const settings = readSettings(contentDir);
      const [css, scripts, earlyScript, searchEarlyScript] = await Promise.all([
        compileStyles(settings),
        bundleScripts(),
        classicScript("early.ts"),
        classicScript("search/early-search.ts"),
      ]);
      const early = { url: hashed("early", "js", earlyScript), contents: earlyScript };
      const searchEarly = { url: hashed("search-early", "js", searchEarlyScript), contents: searchEarlyScript };
      const icon = favicon(settings);
      build.assetUrls = { stylesheet: css.url, icon: icon.url };
      // Every asset, as the build plans them before the pages and writes them after.
      const all = [css, scripts.entry, early, searchEarly, icon, ...scripts.chunks];
      for (const asset of all) build.plannedFiles.add(asset.url);
      build.plannedFiles.add(WORKER_URL);
      return { css, js: scripts.entry, early, searchEarly, icon, chunks: scripts.chunks, all };
    })();
    return built;
  };

  eleventyConfig.addWatchTarget(browserDir);
  /** The pages the service worker keeps, as Eleventy renders them. */
  const shellPages = new Map<string, string>();
  addPageTransform(eleventyConfig, build.outputs, "service-worker-shell", ({ url }, html) => {
    if (SHELL_PAGES.includes(url)) shellPages.set(url, html);
    return html;
  });
  eleventyConfig.addGlobalData("assets", async () => {
    const { css, js, early, searchEarly, icon, chunks } = await buildAssets();
    // The search bundle, which the search page loads as it arrives.
    const search = chunks.find((asset) => SEARCH_BUNDLE.test(asset.url));
    return {
      css: css.url,
      js: js.url,
      jsImports: staticImports(js, chunks),
      early: early.url,
      searchEarly: searchEarly.url,
      icon: icon.url,
      search: search?.url,
    };
  });
  eleventyConfig.on("eleventy.after", async () => {
    const { css, js, early, icon, chunks, all } = await buildAssets();
    for (const asset of all) await build.outputs.write(asset.url, asset.contents);
    // Search is left out of the offline shell: it needs the whole index, which is not kept.
    const shellAssets = [css, js, early, icon, ...chunks].map((asset) => asset.url).filter((url) => !SEARCH_FILE.test(url));
    await build.outputs.write(WORKER_URL, await serviceWorker(shellPages, shellAssets));
  });
}
