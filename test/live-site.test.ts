// npm start's rebuilds write only what an edit changed into the folder being served. Whatever the
// editor did (changed a page, added one, removed one, added or replaced a picture), the folder must
// end up as a whole build of the same content would make it, and a broken change must leave it as it was.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../src/content/content-files.ts";
import { OFFLINE_ZIP_URL } from "../src/pipeline/offline-copy.ts";
import { copyOfContent, editText, projectRoot, runScript, writeText } from "./helpers/project.ts";

let dir: string;
let builder: ChildProcessWithoutNullStreams;
let answers: AsyncIterator<string>;
let stderr = "";
const served = () => path.join(dir, "served");

/** Every file of a built site and its text (all but the zip are text), but the zip (its files carry the time they were made). */
async function snapshot(siteDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await listFiles(siteDir)) {
    if (`/${file}` !== OFFLINE_ZIP_URL) files.set(file, await readFile(path.join(siteDir, file), "utf8"));
  }
  return files;
}

/** One more build in the same process, as npm start makes after an edit. */
async function build(): Promise<{ ok: boolean; messages: string[]; copyProblems: string[] }> {
  builder.stdin.write("build\n");
  const answer = await answers.next();
  if (answer.done) throw new Error(`the builder stopped:\n${stderr}`);
  return JSON.parse(answer.value) as { ok: boolean; messages: string[]; copyProblems: string[] };
}

async function rebuild(): Promise<void> {
  const result = await build();
  expect(result.messages).toEqual([]);
  expect(result.copyProblems).toEqual([]);
}

/** Whole builds made so far, by the content they were made from: an edit undone needs no build again. */
const wholeBuilds = new Map<string, Map<string, string>>();

/** What the content folder holds, as one hash of every file's name and bytes. */
async function contentHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const file of (await listFiles(path.join(dir, "content"))).sort()) hash.update(`${file}\0`).update(await readFile(path.join(dir, "content", file)));
  return hash.digest("hex");
}

/** The served folder against a whole build of the same content, made by `npm run build` in its own process. */
async function expectSameAsWholeBuild(): Promise<void> {
  const content = await contentHash();
  let expected = wholeBuilds.get(content);
  if (!expected) {
    const whole = path.join(dir, "whole");
    await rm(whole, { recursive: true, force: true });
    const result = await runScript("build", ["content", "whole"], dir);
    expect(result.code, result.stderr).toBe(0);
    expected = await snapshot(whole);
    wholeBuilds.set(content, expected);
  }
  const live = await snapshot(served());
  expect([...live.keys()]).toEqual([...expected.keys()]);
  for (const [file, text] of expected) expect(live.get(file), file).toBe(text);
}

beforeAll(async () => {
  dir = await copyOfContent();
  builder = spawn(path.join(projectRoot, "node_modules/.bin/tsx"), [path.join(projectRoot, "test/helpers/rebuilder.ts"), "content", "served"], { cwd: dir });
  builder.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  answers = readline.createInterface({ input: builder.stdout })[Symbol.asyncIterator]();
  await rebuild();
});
afterAll(async () => {
  builder?.kill();
  await rm(dir, { recursive: true, force: true });
});

describe("a rebuild in npm start", () => {
  it("writes only what an edit changed", async () => {
    const untouched = path.join(served(), "ehc-plans/index.html");
    const before = await stat(untouched);
    await editText(dir, "content/sen-support/who-gives-sen-support.md", (text) => text.replace(/^title: .*$/m, "title: Who gives SEN support in Hartsfield"));
    await rebuild();
    expect(await readFile(path.join(served(), "sen-support/who-gives-sen-support/index.html"), "utf8")).toContain("Who gives SEN support in Hartsfield");
    // The same file, not a new one with the same text: the swap of a whole build would replace it.
    expect((await stat(untouched)).ino).toBe(before.ino);
    await expectSameAsWholeBuild();
  });

  it("adds and removes pages and pictures as a whole build would", async () => {
    await writeText(
      dir,
      "content/sen-support/a-new-page.md",
      "---\ntitle: A new page\ndescription: A page this test adds, with a picture, and later takes away again.\nlastReviewed: 2026-11-20\nreviewDue: 2027-11-20\norder: 9\n---\nThis page is new. ![A small picture](/sen-support/picture.gif)\n",
    );
    await writeText(dir, "content/sen-support/picture.gif", "GIF89a, a first picture");
    await rebuild();
    await expectSameAsWholeBuild();

    // Same size, new contents: the copy is made again (the only file a whole build would change).
    await writeFile(path.join(dir, "content/sen-support/picture.gif"), "GIF89a, the picture changed");
    await rebuild();
    expect(await readFile(path.join(served(), "sen-support/picture.gif"), "utf8")).toBe("GIF89a, the picture changed");

    await unlink(path.join(dir, "content/sen-support/a-new-page.md"));
    await unlink(path.join(dir, "content/sen-support/picture.gif"));
    await rebuild();
    await expectSameAsWholeBuild();
    await expect(stat(path.join(served(), "sen-support/a-new-page"))).rejects.toThrow();
  });

  it("leaves the folder as it was when a change is broken", async () => {
    const before = await snapshot(served());
    await editText(dir, "content/sen-support/who-gives-sen-support.md", (text) => text.replace(/^order: .*$/m, "order: [broken"));
    const result = await build();
    expect(result.ok).toBe(false);
    expect(result.messages.join("\n")).toMatch(/who-gives-sen-support\.md:\d+/);
    expect(await snapshot(served())).toEqual(before);
  });
});
