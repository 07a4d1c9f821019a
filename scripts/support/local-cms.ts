// The content editor on this computer: decap-server (Decap's local proxy) in git mode on a
// repository, so what the editor saves lands as a branch there, as it would become a pull request
// on GitHub. npm run edit, the screenshots and the tests use it.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import type { LocalCms } from "../../src/pipeline/build-context.ts";
import type { HeaderRule } from "../../src/server/netlify-headers.ts";
import { CMS_URL } from "../../src/lib/cms.ts";
import { projectRoot } from "../../src/project.ts";

export interface LocalProxy {
  /** What the editor's configuration names as its local_backend: http://localhost:<port>/api/v1 */
  url: string;
  stop(): Promise<void>;
}

/** Starts decap-server on `port` for the git repository in `repoDir`, resolving once it listens. */
export async function startLocalProxy(repoDir: string, port: number): Promise<LocalProxy> {
  const entry = createRequire(path.join(projectRoot, "package.json")).resolve("decap-server");
  const child: ChildProcess = spawn(process.execPath, [entry], {
    // Only this computer may reach it: it writes to the repository.
    env: { ...process.env, MODE: "git", GIT_REPO_DIRECTORY: repoDir, PORT: String(port), BIND_HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening on")) resolve();
    };
    child.stdout?.on("data", seen);
    child.stderr?.on("data", seen);
    child.once("exit", (code) => reject(new Error(`decap-server stopped (exit code ${code}):\n${output.trim()}`)));
  });
  return {
    url: `http://localhost:${port}/api/v1`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}

/**
 * The site's headers with the content editor's policy also letting it reach the local proxy,
 * which the deployed policy has no need to allow. Only the local server sends this.
 */
export function headersWithLocalProxy(rules: readonly HeaderRule[], proxyUrl: string): HeaderRule[] {
  const origin = new URL(proxyUrl).origin;
  return rules.map((rule) => {
    const policy = rule.values["Content-Security-Policy"];
    // Only the editor's own rule: the site's pages never reach the proxy.
    if (!policy || !rule.pattern.test(CMS_URL) || rule.pattern.test("/")) return rule;
    return { ...rule, values: { ...rule.values, "Content-Security-Policy": policy.replace(/connect-src ([^;]*)/, `connect-src $1 ${origin}`) } };
  });
}

/** `npm run edit`'s proxy and branch, which it hands to npm start and its builds. */
export function localCmsFromEnvironment(): LocalCms | undefined {
  const { CMS_PROXY_URL: proxyUrl, CMS_BRANCH: branch } = process.env;
  return proxyUrl && branch ? { proxyUrl, branch } : undefined;
}
