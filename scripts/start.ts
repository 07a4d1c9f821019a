// npm start [contentDir] [siteDir]: builds the site, serves it on http://localhost:8080 with
// netlify.toml's headers, and rebuilds whenever the content, _includes/ or src/ change. A failed
// rebuild keeps the last good site. Content and layout changes rebuild in this process, whose
// code is already loaded and warm; it writes only the files that changed, and its pages go live
// before the downloadable copy is made (under a second on the sample site, against 5 s for a fresh
// process). A code change in src/ needs fresh code, so from then on each build runs in a new process.
// The site's forms (feedback, reported changes), which Netlify Forms takes on the live site, are
// added to .cache/form-submissions.jsonl in the folder it runs in, one line of JSON each.
import { spawn } from "node:child_process";
import { watch } from "node:fs";
import path from "node:path";
import { headersWithLocalProxy, localCmsFromEnvironment } from "./support/local-cms.ts";
import { readHeaderRules } from "../src/server/netlify-headers.ts";
import { readRewriteRules } from "../src/server/netlify-rewrites.ts";
import { RebuildState } from "../src/pipeline/rebuilding.ts";
import { buildSite, reportBuild } from "../src/pipeline/site-build.ts";
import { FormInbox } from "../src/server/form-inbox.ts";
import { createStaticServer, listen } from "../src/server/static-server.ts";
import { contentDir as sampleContentDir, includesDir, netlifyToml, projectRoot } from "../src/project.ts";

const port = Number(process.env.PORT ?? 8080);
/** Set by npm run edit: the content editor saves through its local proxy. */
const localCms = localCmsFromEnvironment();
const contentDir = path.resolve(process.argv[2] ?? sampleContentDir);
const siteDir = path.resolve(process.argv[3] ?? path.join(projectRoot, "_site"));
const submissions = path.resolve(".cache", "form-submissions.jsonl");
const shownPath = path.relative(process.cwd(), submissions);

let codeChanged = false;
/** What this process's builds keep from one to the next, so each works out again only what an edit changed. */
const rebuilding = new RebuildState();

/** A build in this process while the code is as it started, else in a new process with the latest code. */
async function build(): Promise<boolean> {
  if (!codeChanged) {
    const result = await buildSite({ contentDir, outputDir: siteDir, rebuilding, localCms });
    if (!reportBuild(result, path.relative(process.cwd(), siteDir) || siteDir) || !result.ok) return false;
    // The pages are live; the next build waits for the downloadable copy, which is made in the served folder.
    const problems = await result.offlineCopy!.catch((error: Error) => [error.message]);
    for (const line of problems) console.error(line);
    if (problems.length > 0) console.error("The downloadable copy was not updated; the last good one is still in place.");
    return problems.length === 0;
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/build.ts"), contentDir, siteDir], {
      cwd: projectRoot,
      stdio: "inherit",
    });
    child.on("exit", (code) => resolve(code === 0));
  });
}

await build();
const inbox = new FormInbox(submissions, ({ form }) =>
  console.log(`${new Date().toLocaleTimeString("en-GB")} the ${form} form was sent: added to ${shownPath}`),
);
const headers = readHeaderRules(netlifyToml);
const server = createStaticServer(siteDir, localCms ? headersWithLocalProxy(headers, localCms.proxyUrl) : headers, readRewriteRules(netlifyToml), inbox);
try {
  await listen(server, port);
} catch (error) {
  console.error(`Could not serve on port ${port}: ${(error as Error).message}. Set another with PORT=8081 npm start.`);
  process.exit(1);
}
console.log(`\nServing the site on http://localhost:${port} (press Ctrl+C to stop).\nEdits to the content rebuild the site; refresh the browser to see them.`);
console.log(`Feedback and reported changes sent from the site's forms are added to ${submissions}, one line each.`);
if (localCms) console.log(`The content editor is at http://localhost:${port}/admin/ (choose "Login": no password is needed here).`);

let timer: NodeJS.Timeout | undefined;
let running: Promise<boolean> | undefined;
let again = false;
const rebuild = () => {
  if (running) {
    again = true;
    return;
  }
  console.log(`\n${new Date().toLocaleTimeString("en-GB")} change seen, rebuilding...`);
  running = build().finally(() => {
    running = undefined;
    if (again) {
      again = false;
      rebuild();
    }
  });
};
for (const folder of [contentDir, includesDir, path.join(projectRoot, "src")]) {
  watch(folder, { recursive: true }, () => {
    if (folder === path.join(projectRoot, "src")) codeChanged = true;
    clearTimeout(timer);
    // Editors' tools often write a file in several steps; one build for them all.
    timer = setTimeout(rebuild, 30);
  });
}
