// npm run edit: the site and the content editor together on this computer. Decap's local proxy
// (decap-server) runs in git mode on this repository, and npm start serves the site with the
// editor at http://localhost:8080/admin/ set to save through it, with no sign-in: each change
// saved there becomes a branch cms/<collection>/<name> here, as it would become a pull request on
// GitHub, and the site rebuilds as the proxy checks branches out and back.
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { startLocalProxy } from "./support/local-cms.ts";
import { projectRoot } from "../src/project.ts";

const proxyPort = Number(process.env.CMS_PROXY_PORT ?? 8081);
const git = (...args: string[]) => execFileSync("git", args, { cwd: projectRoot, encoding: "utf8" }).trim();

// The proxy commits with "git add ." as it saves, so it would sweep any change of yours into the
// editor's branch: it starts only on a clean working tree.
const changed = git("status", "--porcelain");
if (changed) {
  console.error(`npm run edit needs every change committed or stashed first, as the editor commits all it finds:\n${changed}`);
  process.exit(1);
}
const branch = git("rev-parse", "--abbrev-ref", "HEAD");
const proxy = await startLocalProxy(projectRoot, proxyPort).catch((error: Error) => {
  console.error(`${error.message}\nSet another port with CMS_PROXY_PORT=8082 npm run edit.`);
  process.exit(1);
});
console.log(`Decap's local proxy is saving to this repository's branch ${branch}, on ${proxy.url}.`);

const site = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/start.ts"), ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: "inherit",
  env: { ...process.env, CMS_PROXY_URL: proxy.url, CMS_BRANCH: branch },
});
const stop = async () => {
  site.kill();
  await proxy.stop();
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
site.once("exit", async (code) => {
  await proxy.stop();
  process.exit(code ?? 0);
});
