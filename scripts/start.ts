// npm start [contentDir] [siteDir]: builds the site, serves it on http://localhost:8080 with
// netlify.toml's headers, and rebuilds whenever the content, _includes/ or src/ change. A failed
// rebuild keeps the last good site.
import { spawn } from "node:child_process";
import { watch } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readHeaderRules } from "../src/build/netlify-headers.ts";
import { createStaticServer, listen } from "../src/build/static-server.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const port = Number(process.env.PORT ?? 8080);
const contentDir = path.resolve(process.argv[2] ?? path.join(root, "content"));
const siteDir = path.resolve(process.argv[3] ?? path.join(root, "_site"));

/** Each build runs in its own process, so it always sees the latest templates and code. */
function build(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/build.ts"), contentDir, siteDir], { cwd: root, stdio: "inherit" });
    child.on("exit", (code) => resolve(code === 0));
  });
}

await build();
const server = createStaticServer(siteDir, readHeaderRules(path.join(root, "netlify.toml")));
try {
  await listen(server, port);
} catch (error) {
  console.error(`Could not serve on port ${port}: ${(error as Error).message}. Set another with PORT=8081 npm start.`);
  process.exit(1);
}
console.log(`\nServing the site on http://localhost:${port} (press Ctrl+C to stop).\nEdits to the content rebuild the site; refresh the browser to see them.`);

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
for (const folder of [contentDir, path.join(root, "_includes"), path.join(root, "src")]) {
  watch(folder, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 300);
  });
}
