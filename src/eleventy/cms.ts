// Writes the content editor into /admin/: Decap CMS's page, its configuration made from the
// content schemas and lists (src/content/cms-config.ts), and its script bundled from the npm
// packages (never a CDN). Nothing else on the site links to /admin/ or loads its script; it has
// its own Content-Security-Policy in netlify.toml, and search, the offline copy and the service
// worker leave it out.
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as esbuild from "esbuild";
import { parse as parseYaml } from "yaml";
import { escapeHtml } from "../lib/html.ts";
import { cmsConfig, cmsConfigYaml, type ListEntries } from "../content/cms-config.ts";
import { readContentFileSync } from "../content/content-files.ts";
import { readDataFile, readSettings } from "../content/data-files.ts";
import { CONTROLLED_LISTS, type ControlledLists } from "../content/schemas.ts";
import { sourceFromText } from "../content/source.ts";
import { RECKONERS_FOLDER } from "../content/reckoners/reckoner-files.ts";
import { CMS_URL, PREVIEW_STYLESHEET_META } from "../lib/cms.ts";
import { cachedOutputs } from "../pipeline/build-cache.ts";
import type { BuildContext } from "../pipeline/build-context.ts";
import { scriptSourcesHash } from "../pipeline/classic-script.ts";
import { browserDir, projectRoot } from "../project.ts";
import type { EleventyConfig } from "./types.ts";

/** The branch the editor's pull requests go into, unless npm run edit says another. */
export const DEFAULT_BRANCH = "main";

/**
 * Decap's own packages (decap-cms-core, its backends and widgets) come with decap-cms-app, and npm
 * may keep them in its folder rather than at the top of node_modules: they are resolved from there.
 */
const decapPackages: esbuild.Plugin = {
  name: "decap-packages",
  setup(build) {
    const appDir = path.dirname(createRequire(path.join(projectRoot, "package.json")).resolve("decap-cms-app/package.json"));
    build.onResolve({ filter: /^decap-cms-/ }, async (args) => {
      if (args.pluginData === "decap-packages") return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: appDir, pluginData: "decap-packages" });
      return found.errors.length > 0 ? { errors: found.errors } : { path: found.path };
    });
  },
};

/** The editor's script, bundled once and kept in .cache/ until the code or the locked packages change. */
async function bundleEditor(): Promise<{ url: string; contents: Uint8Array }> {
  const outdir = path.join(projectRoot, ".esbuild-out");
  const options = { entry: "cms/cms.ts", target: "es2022" };
  const [[url, contents]] = (await cachedOutputs("scripts", await scriptSourcesHash(JSON.stringify(options)), async () => {
    const result = await esbuild.build({
      entryPoints: { cms: path.join(browserDir, options.entry) },
      bundle: true,
      format: "esm",
      target: options.target,
      minify: true,
      write: false,
      outdir,
      entryNames: "[name].[hash]",
      legalComments: "none",
      plugins: [decapPackages],
      // React and the libraries Decap uses read these to leave out their development-only code.
      define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
      logLevel: "silent",
    });
    const [file] = result.outputFiles;
    if (!file) throw new Error("esbuild wrote no content editor bundle");
    return [[`${CMS_URL}${path.basename(file.path)}`, file.contents]];
  })) as [[string, Uint8Array]];
  return { url, contents };
}

/** Decap's page: a shell its script fills. No inline script or style, as the CSP allows none. */
export function editorPage(options: { siteName: string; script: string; stylesheet: string | undefined; icon: string | undefined }): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Content editor – ${escapeHtml(options.siteName)}</title>
${options.icon ? `<link rel="icon" href="${escapeHtml(options.icon)}">\n` : ""}<link rel="cms-config-url" type="text/yaml" href="${CMS_URL}config.yml">
${options.stylesheet ? `<meta name="${PREVIEW_STYLESHEET_META}" content="${escapeHtml(options.stylesheet)}">\n` : ""}<script type="module" src="${escapeHtml(options.script)}"></script>
</head>
<body>
<noscript>The content editor needs JavaScript. You can still change the site in GitHub's own editor: see EDITING.md in the repository.</noscript>
</body>
</html>
`;
}

/** A section's name as the site's navigation has it: its index page's short title, or its title. */
function titleOf(file: string, fallback: string): string {
  const { source } = sourceFromText(readContentFileSync(file), file, file);
  const title = source?.data.shortTitle ?? source?.data.title;
  return typeof title === "string" ? title : fallback;
}

/** What the configuration is made from, read from the content folder (which the content check has passed). */
function readInputs(contentDir: string) {
  const entries = readdirSync(contentDir, { withFileTypes: true });
  const sections = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_") && !entry.name.startsWith("."))
    .filter((entry) => readdirSync(path.join(contentDir, entry.name)).includes("index.md"))
    .filter((entry) => entry.name !== "services" && entry.name !== RECKONERS_FOLDER)
    .map((entry) => ({ folder: entry.name, title: titleOf(path.join(contentDir, entry.name, "index.md"), entry.name) }))
    .sort((a, b) => a.folder.localeCompare(b.folder));
  const reckonerDir = path.join(contentDir, RECKONERS_FOLDER);
  const reckoners = entries.some((entry) => entry.name === RECKONERS_FOLDER)
    ? readdirSync(reckonerDir)
        .filter((name) => name.endsWith(".yaml"))
        .sort()
        .map((name) => {
          const stem = name.replace(/\.yaml$/, "");
          const definition = parseYaml(readContentFileSync(path.join(reckonerDir, name))) as { title?: unknown } | null;
          return { name: stem, title: typeof definition?.title === "string" ? definition.title : stem };
        })
    : [];
  const lists = Object.fromEntries(CONTROLLED_LISTS.map((name) => [name, (readDataFile(contentDir, `lists/${name}.yaml`) ?? []) as ListEntries])) as Record<
    keyof ControlledLists,
    ListEntries
  >;
  return { sections, reckoners, lists };
}

export default function cms(eleventyConfig: EleventyConfig, build: BuildContext): void {
  const contentDir = path.resolve(eleventyConfig.directories.input);
  eleventyConfig.on("eleventy.after", async () => {
    const settings = readSettings(contentDir);
    const relative = path.relative(projectRoot, contentDir).split(path.sep).join("/");
    const config = cmsConfig({
      // The sample content is content/ in this repository; a copy elsewhere is laid out the same way.
      contentFolder: relative && !relative.startsWith("..") ? relative : "content",
      ...readInputs(contentDir),
      repository: settings?.repository,
      branch: build.localCms?.branch ?? DEFAULT_BRANCH,
      siteUrl: settings?.baseUrl,
      localProxyUrl: build.localCms?.proxyUrl,
    });
    const script = await bundleEditor();
    await build.outputs.write(script.url, script.contents);
    await build.outputs.write(`${CMS_URL}config.yml`, cmsConfigYaml(config));
    await build.outputs.write(
      `${CMS_URL}index.html`,
      editorPage({
        siteName: settings?.siteName ?? "the Local Offer",
        script: script.url,
        stylesheet: build.assetUrls?.stylesheet,
        icon: build.assetUrls?.icon,
      }),
    );
  });
}
