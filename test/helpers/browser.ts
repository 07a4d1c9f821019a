// A built copy of the sample site served like Netlify, and Debian's Chromium driven by
// playwright-core, for tests of what happens in a real browser.
import { rm } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { CHROMIUM_ARGS, chromiumPath } from "../../scripts/support/chromium.ts";
import { readHeaderRules } from "../../src/server/netlify-headers.ts";
import { createStaticServer, listen } from "../../src/server/static-server.ts";
import { copyOfContent, projectRoot, runScript } from "./project.ts";

export interface ServedSite {
  dir: string;
  site: string;
  base: string;
  close(): Promise<void>;
}

/** With absoluteLinks, links are written in full to the server's address, as the deployed site has them. */
export async function buildAndServe(options: { absoluteLinks?: boolean } = {}): Promise<ServedSite> {
  const dir = await copyOfContent();
  const site = path.join(dir, "_site");
  // The server reads files as they are asked for, so it can start before the build and lend it its address.
  const server: Server = createStaticServer(site, readHeaderRules(path.join(projectRoot, "netlify.toml")));
  const base = await listen(server, 0);
  const result = await runScript("build", ["content", "_site", ...(options.absoluteLinks ? ["--site-url", base] : [])], dir);
  if (result.code !== 0) {
    server.close();
    throw new Error(`the sample site did not build:\n${result.stderr}`);
  }
  return {
    dir,
    site,
    base,
    close: async () => {
      server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** For a test file: the sample site built and served, and Chromium, ready before its tests and closed after them. */
export function sampleSiteInChromium(options: { absoluteLinks?: boolean } = {}): { served: ServedSite; browser: Browser } {
  const session = {} as { served: ServedSite; browser: Browser };
  beforeAll(async () => {
    [session.served, session.browser] = await Promise.all([buildAndServe(options), launchChromium()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.served?.close();
  });
  return session;
}
