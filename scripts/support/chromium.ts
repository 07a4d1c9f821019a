// Where Debian's Chromium is, and how to start it on these machines (no sandbox as root, and no
// background networking, which floods a closed network with refused connections).
import { existsSync } from "node:fs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  // Every page checked is on one origin: a renderer process of its own for each tab, as site
  // isolation gives, only adds start-up work. Starting a renderer costs about as much processor time
  // as loading three pages, so the tabs of a browser profile share one process: a new tab opened
  // while another is open starts none.
  "--disable-site-isolation-trials",
  "--renderer-process-limit=1",
];

export function chromiumPath(): string {
  const candidate = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium was not found at ${candidate}. Install it with "apt-get install -y chromium", or set CHROME_PATH to a Chromium or Chrome binary.`,
    );
  }
  return candidate;
}
