// The nightly directory sync's pull-request step, run as GitHub Actions would run it: its own shell
// script from the workflow file, in a clone of a throwaway repository, with a `gh` on the PATH that
// records what it is asked to do instead of talking to GitHub.
import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { projectRoot } from "../helpers/project.ts";

const run = promisify(execFile);

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: Record<string, { if?: string; steps: Step[] }>;
}

const workflow = parseYaml(await readFile(path.join(projectRoot, ".github/workflows/oruk-sync.yml"), "utf8")) as Workflow;
const steps = workflow.jobs.import!.steps;
const stepScript = (name: string) => {
  const step = steps.find((candidate) => candidate.name === name);
  if (!step?.run) throw new Error(`the workflow has no step "${name}" with a script`);
  return step.run;
};
const pullRequestStep = stepScript("Open or update the pull request");

// Answers `gh pr list` with the number in $FAKE_GH_OPEN_PR (nothing when empty) and logs every call.
const fakeGh = `#!/bin/sh
echo "$*" >> "$FAKE_GH_LOG"
case "$1 $2" in
  "pr list") [ -n "$FAKE_GH_OPEN_PR" ] && echo "$FAKE_GH_OPEN_PR"; exit 0 ;;
  *) exit 0 ;;
esac
`;

let work: string;
let remote: string;
let clone: string;

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await run("git", args, { cwd })).stdout.trim();
}

/** Runs the pull-request step in the clone; returns the gh calls it made. */
async function runPullRequestStep(openPullRequest = ""): Promise<string[]> {
  const log = path.join(work, "gh.log");
  await writeFile(log, "");
  await run("bash", ["-e", "-c", pullRequestStep], {
    cwd: clone,
    env: {
      ...process.env,
      PATH: `${path.join(work, "bin")}:${process.env.PATH}`,
      SYNC_BRANCH: workflow.env.SYNC_BRANCH!,
      FAKE_GH_LOG: log,
      FAKE_GH_OPEN_PR: openPullRequest,
      GIT_CONFIG_GLOBAL: path.join(work, "gitconfig"),
    },
  });
  return (await readFile(log, "utf8")).split("\n").filter(Boolean);
}

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), "oruk-sync-"));
  await mkdir(path.join(work, "bin"));
  await writeFile(path.join(work, "bin/gh"), fakeGh);
  await chmod(path.join(work, "bin/gh"), 0o755);
  await writeFile(path.join(work, "gitconfig"), "[init]\n\tdefaultBranch = main\n[user]\n\tname = Test\n\temail = test@example.org\n");
  process.env.GIT_CONFIG_GLOBAL = path.join(work, "gitconfig");
  remote = path.join(work, "remote.git");
  await run("git", ["init", "--quiet", "--bare", remote]);
  const seed = path.join(work, "seed");
  await mkdir(path.join(seed, "content/services"), { recursive: true });
  await writeFile(path.join(seed, "content/services/play-club.md"), "---\ntitle: Play club\n---\n");
  await git(work, "init", "--quiet", seed);
  await git(seed, "add", ".");
  await git(seed, "commit", "--quiet", "-m", "seed");
  await git(seed, "push", "--quiet", remote, "HEAD:main");
  clone = path.join(work, "clone");
  await git(work, "clone", "--quiet", remote, clone);
});

afterEach(async () => {
  delete process.env.GIT_CONFIG_GLOBAL;
  await rm(work, { recursive: true, force: true });
});

describe("the directory sync workflow", () => {
  it("runs each night and by hand, only once a feed address is set, with no more rights than it needs", async () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(workflow.permissions).toEqual({ contents: "write", "pull-requests": "write" });
    expect(workflow.jobs.import!.if).toContain("vars.ORUK_FEED_URL != ''");
    const importStep = stepScript("Import the directory");
    expect(importStep).toContain('npm run --silent import:oruk -- "$ORUK_FEED_URL"');
    expect(stepScript("Check the content as the pull request will")).toBe("npm run check");
    const scripts = JSON.parse(await readFile(path.join(projectRoot, "package.json"), "utf8")).scripts as Record<string, string>;
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(["import:oruk", "check"]));
  });

  it("opens a pull request with the changed services on its own branch", async () => {
    await writeFile(path.join(clone, "content/services/play-club.md"), "---\ntitle: Play club for all\n---\n");
    await writeFile(path.join(clone, "import-report.txt"), "Changed: 1 service\n");
    const calls = await runPullRequestStep();
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatch(/^pr list --head directory-sync --base main --state open/);
    expect(calls[1]).toMatch(/^pr create --base main --head directory-sync --title .+ --body-file pull-request-body\.md$/);
    expect(await readFile(path.join(clone, "pull-request-body.md"), "utf8")).toContain("Changed: 1 service");
    const pushed = await git(remote, "show", "directory-sync:content/services/play-club.md");
    expect(pushed).toContain("Play club for all");
    // One commit on top of main, so the pull request shows only this import's changes.
    expect(await git(remote, "rev-list", "--count", "main..directory-sync")).toBe("1");
  });

  it("updates the pull request that is already open instead of opening another", async () => {
    await writeFile(path.join(clone, "content/services/new-group.md"), "---\ntitle: New group\n---\n");
    await writeFile(path.join(clone, "import-report.txt"), "Added: 1 service\n");
    const calls = await runPullRequestStep("12");
    expect(calls.slice(1)).toEqual(["pr edit 12 --body-file pull-request-body.md"]);
    expect(await git(remote, "show", "directory-sync:content/services/new-group.md")).toContain("New group");
  });

  it("pushes nothing when the feed matches main, and closes a pull request left from an earlier night", async () => {
    await writeFile(path.join(clone, "import-report.txt"), "No changes\n");
    expect(await runPullRequestStep()).toEqual([expect.stringMatching(/^pr list /)]);
    const calls = await runPullRequestStep("7");
    expect(calls[1]).toMatch(/^pr close 7 --delete-branch --comment /);
    await expect(git(remote, "rev-parse", "--verify", "--quiet", "refs/heads/directory-sync")).rejects.toThrow();
  });
});
