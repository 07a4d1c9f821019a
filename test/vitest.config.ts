// Lives in test/ so the project's top level stays as DEVELOPERS.md describes it.
//
// One run: test/global-setup.ts starts building the sample site once, and three projects run side by
// side, two test files at a time (one per core of the CI machine), the slowest first:
// - browser: Chromium over the built site. Files whose tests each have a browser profile of their
//   own and change nothing shared run them at the same time (describe.concurrent), as they spend
//   most of it waiting on the browser;
// - builds: tests that run npm run build or another command in a process of their own, on their own
//   copies of the content;
// - fast: everything in this process.
// Files share their worker processes (isolate: false): starting a process and importing vitest,
// playwright-core and axe again for each file took a third of the fast project's time, and about a
// second of processor time for each browser or build file. Nothing a file sets up outlives it: each
// starts its own browser and server, and closes them.
// npm test runs them all; add --project fast (for example) to run one.
import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const root = path.resolve(import.meta.dirname, "..");
const browser = [
  "test/browser.test.ts",
  "test/a11y.test.ts",
  "test/cms/cms-editor.test.ts",
  "test/cookies/**/*.test.ts",
  "test/offline/**/*.test.ts",
  "test/pages/**/*.test.ts",
  "test/performance/**/*.test.ts",
  "test/reckoners/**/*.test.ts",
  "test/search/search-ui.test.ts",
  "test/services/**/*.test.ts",
];
const builds = [
  "test/security/**/*.test.ts",
  "test/failed-build.test.ts",
  "test/stopped-build.test.ts",
  "test/live-site.test.ts",
  "test/start.test.ts",
  "test/generate-site.test.ts",
  "test/content-report.test.ts",
  "test/open-referral/round-trip.test.ts",
  "test/county-scale.test.ts",
];

/**
 * The files that take longest, longest first, so that no long file starts last. After a run,
 * vitest orders the rest by how long they took; on a fresh clone, by size.
 */
const SLOWEST = [
  "test/browser.test.ts",
  "test/live-site.test.ts", // needs no sample site: runs while it is built
  "test/county-scale.test.ts", // builds a site of 3,300 pages of its own, and needs no sample site
  "test/a11y.test.ts",
  "test/pages/pages-for-families.test.ts",
  "test/security/hostile-content.test.ts",
  "test/cookies/cookies.test.ts",
  "test/cookies/analytics.test.ts", // builds a copy of the site of its own
  "test/reckoners/reckoners.test.ts",
  "test/cms/cms-editor.test.ts",
  "test/performance/layout-shift.test.ts",
  "test/offline/service-worker.test.ts",
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = SLOWEST.indexOf(path.relative(root, file.moduleId).split(path.sep).join("/"));
      return at === -1 ? SLOWEST.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

/** What every project shares. Projects do not inherit the root's options, so that the root's global setup runs once. */
const common = {
  root,
  // Builds and browsers take seconds, not milliseconds.
  testTimeout: 240_000,
  hookTimeout: 240_000,
  // The CI machine is shared: a search that downloads several shards can take seconds there.
  expect: { poll: { timeout: 15_000 } },
  // Processes, not threads: the content check runs in the test's process and changes its directory.
  pool: "forks" as const,
};

export default defineConfig({
  test: {
    root,
    globalSetup: ["test/global-setup.ts"],
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
    projects: [
      // At most three of a file's concurrent tests at once, each with its pages.
      { test: { ...common, name: "browser", include: browser, maxConcurrency: 3, isolate: false } },
      { test: { ...common, name: "builds", include: builds, isolate: false } },
      { test: { ...common, name: "fast", include: ["test/**/*.test.ts"], exclude: [...browser, ...builds], isolate: false } },
    ],
  },
});
