// The content editor on this computer: decap-server (Decap's local proxy) in git mode on a
// repository, so what the editor saves lands as a branch there, as it would become a pull request
// on GitHub. npm run edit, the screenshots and the tests use it.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import http from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import type { LocalCms } from "../../src/pipeline/build-context.ts";
import { type HeaderRule, readHeaderRules } from "../../src/server/netlify-headers.ts";
import { readRewriteRules } from "../../src/server/netlify-rewrites.ts";
import { createStaticServer, listen } from "../../src/server/static-server.ts";
import { parse as parseYaml, stringify } from "yaml";
import { CMS_URL } from "../../src/lib/cms.ts";
import { netlifyToml, projectRoot } from "../../src/project.ts";

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

/** A port no one is listening on now. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs git in `repo` as a made-up editor, for repositories made for a test or the screenshots. */
export function git(repo: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false", ...args], {
    cwd: repo,
    encoding: "utf8",
  }).trim();
}

/** A new git repository holding a copy of `contentDir` as content/, committed on main. */
export async function contentRepository(contentDir: string): Promise<string> {
  const repo = await mkdtemp(path.join(tmpdir(), "local-offer-cms-"));
  await cp(contentDir, path.join(repo, "content"), { recursive: true });
  git(repo, "init", "-q", "-b", "main");
  // decap-server commits as the repository's user: a machine with no git identity has none.
  git(repo, "config", "user.name", "Test Editor");
  git(repo, "config", "user.email", "editor@example.org");
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "The sample content");
  return repo;
}

export interface LocalEditor {
  /** The site's address; the editor is at `${base}/admin/`. */
  base: string;
  repo: string;
  close(): Promise<void>;
}

/**
 * A built site served as npm run edit serves it, its content editor saving through decap-server
 * to a repository of its own that holds a copy of the content: the built /admin/config.yml with
 * the local proxy added, as npm run edit's build writes it.
 */
export async function serveLocalEditor(siteDir: string, contentDir: string): Promise<LocalEditor> {
  const repo = await contentRepository(contentDir);
  const proxy = await startLocalProxy(repo, await freePort());
  const config = parseYaml(await readFile(path.join(siteDir, CMS_URL, "config.yml"), "utf8")) as Record<string, unknown>;
  const localConfig = stringify({ ...config, local_backend: { url: proxy.url } });
  const site = createStaticServer(siteDir, headersWithLocalProxy(readHeaderRules(netlifyToml), proxy.url), readRewriteRules(netlifyToml));
  const server = http.createServer((request, response) => {
    // Everything but the configuration is answered by the static server's own handler.
    if (request.url !== `${CMS_URL}config.yml`) return site.emit("request", request, response);
    response.writeHead(200, { "Content-Type": "text/yaml; charset=utf-8" });
    response.end(localConfig);
  });
  const base = await listen(server, 0);
  return {
    base,
    repo,
    close: async () => {
      server.close();
      await proxy.stop();
    },
  };
}
