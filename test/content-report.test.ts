// npm run content:report: words, reading ease and review status for every page and service.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyOfContent, runScript, writeText } from "./helpers/project.ts";

let dir: string;
beforeAll(async () => {
  dir = await copyOfContent();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rowsOf = (stdout: string) =>
  stdout
    .split("\n")
    .map((line) => /^(content\/\S+\.md)\s+(\d+)\s+(-?[\d.]+)\s+(reviewed|due soon|overdue)/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ file: match[1]!, words: Number(match[2]), ease: Number(match[3]), status: match[4]! }));

describe("npm run content:report", () => {
  it("reports every page, and the sample information pages read as plain English (median 60 or more)", async () => {
    const result = await runScript("content-report", ["--today", "2026-11-29", "content"], dir);
    expect(result.code).toBe(0);
    const rows = rowsOf(result.stdout);
    const files = (await readdir(path.join(dir, "content"), { recursive: true })).filter((file) => file.endsWith(".md"));
    expect(rows.map((row) => row.file).sort()).toEqual(files.map((file) => `content/${file}`).sort());

    const information = rows.filter((row) => !/^content\/services\/(?!index\.md)/.test(row.file));
    expect(information.length).toBeGreaterThanOrEqual(30);
    const sorted = information.map((row) => row.ease).sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    expect(median).toBeGreaterThanOrEqual(60);
    expect(result.stdout).toContain(`Information pages: ${information.length}, median reading ease ${median.toFixed(1)}`);

    const count = (status: string) => rows.filter((row) => row.status === status).length;
    expect(result.stdout).toContain(`Review status: ${count("reviewed")} reviewed, ${count("due soon")} due within 30 days, ${count("overdue")} overdue`);
    expect(count("overdue")).toBeGreaterThan(0);
  });

  it("scores hard text low and marks an old page overdue", async () => {
    await writeText(
      dir,
      "content/sen-support/hard.md",
      "---\ntitle: Hard\ndescription: A page written in long words and long sentences to show a low reading ease.\nlastReviewed: 2024-01-10\n---\n\nEducational institutions are obligated to communicate comprehensive documentation regarding individualised provision arrangements.\n",
    );
    const result = await runScript("content-report", ["--today", "2026-11-29", "--files", "content/sen-support/hard.md"], dir);
    const rows = rowsOf(result.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ file: "content/sen-support/hard.md", words: 12, status: "overdue" });
    expect(rows[0]!.ease).toBeLessThan(0);
  });
});
