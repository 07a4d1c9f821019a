// npm start's server takes the site's forms as Netlify Forms would: a plain POST of one of the
// site's forms is appended to a file as one line of JSON and answered with a redirect to the form's
// thank-you page. What is sent is kept as text and never sent back; a bot's answer is dropped; and
// anything that is not one of the site's forms, from its own pages, within 1 MB, is refused.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FORM_NAME_FIELD, HONEYPOT_FIELD, SITE_FORMS, type SiteForm } from "../../src/lib/forms/site-forms.ts";
import { FormInbox, MAX_SUBMISSION_BYTES, type StoredSubmission } from "../../src/server/form-inbox.ts";
import { createStaticServer, listen } from "../../src/server/static-server.ts";

let dir: string;
let file: string;
let server: http.Server;
let base: string;
const stored: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "form-inbox-"));
  const site = path.join(dir, "site");
  for (const form of Object.values(SITE_FORMS)) {
    await mkdir(path.join(site, form.sentUrl), { recursive: true });
    await writeFile(path.join(site, form.sentUrl, "index.html"), `<!DOCTYPE html><title>Sent</title><h1>Thank you (${form.sentUrl})</h1>`);
  }
  file = path.join(dir, ".cache", "form-submissions.jsonl");
  server = createStaticServer(site, [], [], new FormInbox(file, (submission) => stored.push(submission.form)));
  base = await listen(server, 0);
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await rm(file, { force: true });
  stored.length = 0;
});

/** Posts fields as a browser posts a form, without following the redirect. */
function post(fields: Record<string, string>, options: { path?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  return fetch(`${base}${options.path ?? "/thank-you/feedback/"}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...options.headers },
    body: options.body ?? new URLSearchParams(fields),
    redirect: "manual",
  });
}

async function submissions(): Promise<StoredSubmission[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as StoredSubmission);
}

/** Every field of a form, each with the same value. */
const filledIn = (form: SiteForm, value: (field: string) => string) => ({
  [FORM_NAME_FIELD]: form.name,
  [HONEYPOT_FIELD]: "",
  ...Object.fromEntries(form.fields.map((field) => [field, value(field)])),
});

describe("npm start's form inbox", () => {
  it("stores a plain POST of each of the site's forms as one line of JSON, and sends the browser to the form's thank-you page", async () => {
    for (const form of Object.values(SITE_FORMS)) {
      const response = await post(
        filledIn(form, (field) => `${form.name} ${field}`),
        { path: form.sentUrl },
      );
      expect(response.status, form.name).toBe(303);
      expect(response.headers.get("location"), form.name).toBe(form.sentUrl);
      // As a browser follows it: the thank-you page.
      const shown = await fetch(new URL(response.headers.get("location")!, base));
      expect(shown.status).toBe(200);
      expect(await shown.text()).toContain(`Thank you (${form.sentUrl})`);
    }
    const kept = await submissions();
    expect(kept.map((submission) => submission.form)).toEqual(Object.values(SITE_FORMS).map((form) => form.name));
    expect(kept[2]!.fields).toEqual({
      page: "service-change page",
      "service-id": "service-change service-id",
      service: "service-change service",
      "what-changed": "service-change what-changed",
      name: "service-change name",
      contact: "service-change contact",
    });
    expect(kept[2]!.postedTo).toBe("/thank-you/service-change/");
    expect(Date.now() - Date.parse(kept[2]!.receivedAt)).toBeLessThan(60_000);
    expect(stored).toEqual(["page-useful", "page-problem", "service-change"]);
  });

  it("keeps only the form's own fields, as Netlify keeps only the fields it found in the form", async () => {
    await post({ ...filledIn(SITE_FORMS.pageUseful, () => "yes"), "extra-field": "not kept", [FORM_NAME_FIELD]: SITE_FORMS.pageUseful.name });
    const [kept] = await submissions();
    expect(Object.keys(kept!.fields).sort()).toEqual([...SITE_FORMS.pageUseful.fields].sort());
  });

  it("stores hostile input in every field as the very text sent (markup, 100 kB, control characters), and sends none of it back", async () => {
    const hostile = [
      '<script>alert("x")</script><img src=x onerror=alert(1)>',
      `${"a".repeat(100 * 1024 - 10)}<b>end</b>`,
      "line one\nline two\r\n\u0000\u0007\u001b[31mred\u001b[0m\u2028\u2029\ud83d\ude00 & = + %",
    ];
    for (const value of hostile) {
      for (const form of Object.values(SITE_FORMS)) {
        const response = await post(
          filledIn(form, () => value),
          { path: form.sentUrl },
        );
        expect(response.status).toBe(303);
        expect(await response.text()).toBe("");
      }
    }
    const kept = await submissions();
    expect(kept).toHaveLength(hostile.length * 3);
    for (const [index, submission] of kept.entries()) {
      const value = hostile[Math.floor(index / 3)]!;
      for (const [field, text] of Object.entries(submission.fields)) expect(text, `${submission.form} ${field}`).toBe(value);
    }
    // One line each, whatever the values held: a newline in a value is written as \n.
    expect((await readFile(file, "utf8")).split("\n")).toHaveLength(kept.length + 1);
    // A refusal names no value either, not even the form's name.
    const refused = await post({ [FORM_NAME_FIELD]: hostile[0]! });
    expect(refused.status).toBe(404);
    expect(refused.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await refused.text()).not.toContain("<");
  });

  it("drops a bot's answer (the hidden honeypot field filled in) without storing it, and still shows the thank-you page", async () => {
    const bot = await post({ ...filledIn(SITE_FORMS.pageProblem, () => "buy now"), [HONEYPOT_FIELD]: "http://spam.example/" });
    expect(bot.status).toBe(303);
    expect(bot.headers.get("location")).toBe(SITE_FORMS.pageProblem.sentUrl);
    expect(await submissions()).toEqual([]);
    // The same answer with the field left empty, as a person leaves it, is kept.
    await post(filledIn(SITE_FORMS.pageProblem, () => "buy now"));
    expect(await submissions()).toHaveLength(1);
  });

  it("refuses anything but one of the site's forms, sent form-encoded from its own pages, in at most 1 MB", async () => {
    const useful = filledIn(SITE_FORMS.pageUseful, () => "yes");
    expect((await post({ ...useful, [FORM_NAME_FIELD]: "contact" })).status).toBe(404);
    expect((await post({ page: "/" })).status).toBe(404);
    expect((await post(useful, { headers: { "Content-Type": "application/json" }, body: JSON.stringify(useful) })).status).toBe(415);
    expect((await post(useful, { headers: { Origin: "https://elsewhere.example" } })).status).toBe(403);
    expect((await post(useful, { headers: { Origin: "null" } })).status).toBe(403);
    expect((await post(useful, { headers: { Origin: base } })).status).toBe(303);
    const tooBig = `${new URLSearchParams(useful)}&went-wrong=${"a".repeat(MAX_SUBMISSION_BYTES)}`;
    const refused = await post({}, { body: tooBig });
    expect(refused.status).toBe(413);
    expect(await refused.text()).toBe("A form may send at most 1024 kB.");
    // Without a length given first (sent in chunks), it is stopped by what arrives.
    const chunked = await fetch(`${base}/`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new Blob([tooBig]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    // Only the one from this site's own page was kept.
    expect((await submissions()).map((submission) => submission.form)).toEqual(["page-useful"]);
  });

  it("keeps every answer on a line of its own when many come at once", async () => {
    const answers = Array.from({ length: 12 }, (_, index) => `${index} `.repeat(2000));
    await Promise.all(answers.map((answer) => post(filledIn(SITE_FORMS.pageProblem, () => answer))));
    const kept = await submissions();
    expect(kept.map((submission) => submission.fields["went-wrong"]).sort()).toEqual([...answers].sort());
  });
});
