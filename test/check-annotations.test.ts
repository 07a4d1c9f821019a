// The content check speaking on a pull request: each problem in a broken copy of the content as a
// GitHub annotation on its file and line (escaped as GitHub's workflow commands require), and the
// run's summary listing the problems and the pages the pull request changes, linked to the deploy
// preview. In this process, as scripts/check.ts makes them.
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  annotation,
  changedFilesFrom,
  checkSummary,
  deployPreviewUrl,
  escapeData,
  escapeProperty,
  pageOf,
  pullRequestNumber,
} from "../src/content/check-report.ts";
import type { ContentProblem } from "../src/content/problems.ts";
import { validateContent } from "../src/content/validate.ts";
import { copyOfContent, editText } from "./helpers/project.ts";

let dir: string;
let problems: ContentProblem[];
let fileCount: number;
/** A problem's file from the copy's top folder, which stands for the repository's. */
const fromRoot = (problem: ContentProblem) => path.relative(dir, path.resolve(problem.file)).split(path.sep).join("/");

beforeAll(async () => {
  dir = await copyOfContent();
  await editText(dir, "content/services/hartsfield-sendiass.md", (text) => text.replace("postcode: AL1 3JE", 'postcode: "ZZ%1, 9:9"'));
  await editText(dir, "content/sen-support/what-is-sen-support.md", (text) => text.replace(/^title: .*$/m, "title: SE"));
  ({ problems, fileCount } = await validateContent(path.join(dir, "content")));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the content check on GitHub", () => {
  it("prints each problem of a broken content folder as an error annotation on its file, line and field", () => {
    expect(problems.map((problem) => annotation(problem, fromRoot(problem))).sort()).toEqual([
      expect.stringMatching(/^::error file=content\/sen-support\/what-is-sen-support\.md,line=2,title=title::\S/),
      // The postcode's own % is escaped in the message, as GitHub reads it.
      expect.stringMatching(
        /^::error file=content\/services\/hartsfield-sendiass\.md,line=\d+,title=location\.postcode::"ZZ%251, 9:9" is not a valid UK postcode/,
      ),
    ]);
    expect(problems).toHaveLength(2);
  });

  it("escapes %, CR and LF in messages, and also : and , in properties", () => {
    expect(escapeData("50% off\r\nnext: line, two")).toBe("50%25 off%0D%0Anext: line, two");
    expect(escapeProperty("a:b,c%d\n")).toBe("a%3Ab%2Cc%25d%0A");
    const problem = { file: "x", line: 3, field: "contact: phone, email", message: "two\nlines" };
    expect(annotation(problem, "content/a, b.md")).toBe("::error file=content/a%2C b.md,line=3,title=contact%3A phone%2C email::two%0Alines");
    expect(annotation({ file: "x", line: 1, message: "no field" }, "content/x.md")).toBe("::error file=content/x.md,line=1,title=content::no field");
  });

  it("summarises the problems and links each page the pull request changes to its deploy preview", () => {
    const changed = [
      ...changedFilesFrom(
        [
          "M\tcontent/sen-support/what-is-sen-support.md",
          "A\tcontent/services/new-club.md",
          "D\tcontent/services/old-club.md",
          "R090\tcontent/senco/a.md\tcontent/senco/b.md",
          "M\tcontent/_data/glossary.yaml",
          "M\tcontent/reckoners/support-at-school.yaml",
          "M\tREADME.md",
        ].join("\n"),
        "content",
      ),
      { file: "content/about.md", deleted: false, permalink: "/about-us/" },
    ];
    expect(pullRequestNumber("refs/pull/42/merge")).toBe(42);
    expect(pullRequestNumber("refs/heads/main")).toBeUndefined();
    const previewUrl = deployPreviewUrl(42, "hartsfield-local-offer");
    const summary = checkSummary({ problems, fileCount, changed, contentFolder: "content", previewUrl, fileOf: fromRoot });
    expect(summary).toContain("## Content check\n\n2 problems to fix.");
    expect(summary).toMatch(/\| `content\/services\/hartsfield-sendiass\.md:\d+` \| location\.postcode \| "ZZ%1, 9:9" is not a valid UK postcode/);
    expect(summary).toContain(
      [
        "### Pages this pull request changes",
        "",
        "- `content/sen-support/what-is-sen-support.md`: page [/sen-support/what-is-sen-support/](https://deploy-preview-42--hartsfield-local-offer.netlify.app/sen-support/what-is-sen-support/)",
        "- `content/services/new-club.md`: page [/services/new-club/](https://deploy-preview-42--hartsfield-local-offer.netlify.app/services/new-club/)",
        "- `content/services/old-club.md` (removed): page",
        "- `content/senco/a.md` (removed): page",
        "- `content/senco/b.md`: page [/senco/b/](https://deploy-preview-42--hartsfield-local-offer.netlify.app/senco/b/)",
        "- `content/_data/glossary.yaml`: the glossary, and every page using its words [/glossary/](https://deploy-preview-42--hartsfield-local-offer.netlify.app/glossary/)",
        "- `content/reckoners/support-at-school.yaml`: question tool [/reckoners/support-at-school/](https://deploy-preview-42--hartsfield-local-offer.netlify.app/reckoners/support-at-school/)",
        "- `content/about.md`: page [/about-us/](https://deploy-preview-42--hartsfield-local-offer.netlify.app/about-us/)",
      ].join("\n"),
    );
    // Without the site's name there is no preview to link to, and the summary says how to set it.
    const unlinked = checkSummary({ problems: [], fileCount, changed: changed.slice(0, 1), contentFolder: "content", previewUrl: undefined, fileOf: fromRoot });
    expect(unlinked).toContain(`No problems in ${fileCount} files.`);
    expect(unlinked).toContain("- `content/sen-support/what-is-sen-support.md`: page /sen-support/what-is-sen-support/\n");
    expect(unlinked).toContain("NETLIFY_SITE_NAME");
    expect(pageOf({ file: "content/_data/settings.yaml", deleted: false }, "content")).toEqual({ url: "/", what: "every page" });
  });
});
