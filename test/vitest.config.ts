// Lives in test/ so the project's top level stays as DEVELOPERS.md describes it.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, ".."),
    include: ["test/**/*.test.ts"],
    // Builds and browsers take seconds, not milliseconds; pa11y over every page takes minutes.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    // The CI machine is shared: a search that downloads several shards can take seconds there.
    expect: { poll: { timeout: 15_000 } },
    pool: "forks",
    maxWorkers: 2,
  },
});
