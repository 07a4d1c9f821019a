// The feedback forms are Netlify Forms: Netlify's deploy finds them in the built HTML and keeps
// what they send only if each has what its form detection needs. Every form of the built sample
// site is checked against that list of rules (and each rule is shown to catch the fault it names).
// The forms stay out of the site's search and out of the downloadable copy, which says feedback
// needs a connection instead.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { Parser } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { sitePages } from "../../scripts/support/site-pages.ts";
import { FORM_NAME_FIELD, FORM_SENT_FOLDER, HONEYPOT_FIELD, SITE_FORMS, siteFormNamed } from "../../src/lib/forms/site-forms.ts";
import { documentFromHtml } from "../../src/pipeline/search-documents.ts";
import { sharedSampleSite } from "../helpers/sample-site.ts";

interface BuiltField {
  tag: string;
  name: string;
  type: string;
  value: string;
  disabled: boolean;
  tabindex: string | undefined;
  /** Inside an element marked aria-hidden="true" and visually hidden: people neither see nor hear it. */
  hiddenFromPeople: boolean;
}

interface BuiltForm {
  page: string;
  attributes: Record<string, string>;
  /** Its input, textarea and select elements: what Netlify's form detection reads. */
  fields: BuiltField[];
  /** The names its buttons send. */
  buttonNames: string[];
}

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** Every form on a page, with its fields and what hides them. */
function formsIn(page: string, html: string): BuiltForm[] {
  const forms: BuiltForm[] = [];
  const open: Array<Record<string, string>> = [];
  let form: BuiltForm | undefined;
  new Parser(
    {
      onopentag(name, attributes) {
        if (name === "form") {
          form = { page, attributes, fields: [], buttonNames: [] };
          forms.push(form);
        }
        if (form && (name === "input" || name === "textarea" || name === "select") && attributes.name !== undefined) {
          form.fields.push({
            tag: name,
            name: attributes.name,
            type: name === "input" ? (attributes.type ?? "text") : name,
            value: attributes.value ?? "",
            disabled: attributes.disabled !== undefined,
            tabindex: attributes.tabindex,
            hiddenFromPeople:
              open.some((ancestor) => ancestor["aria-hidden"] === "true") &&
              open.some((ancestor) => (ancestor.class ?? "").split(/\s+/).includes("govuk-visually-hidden")),
          });
        }
        if (form && name === "button" && attributes.name) form.buttonNames.push(attributes.name);
        if (!VOID_ELEMENTS.has(name)) open.push(attributes);
      },
      onclosetag(name) {
        if (VOID_ELEMENTS.has(name)) return;
        open.pop();
        if (name === "form") form = undefined;
      },
    },
    { decodeEntities: true },
  ).end(html);
  return forms;
}

/** What the rules know of the site: its pages' addresses, and every form on it. */
interface SiteFacts {
  pages: ReadonlySet<string>;
  forms: readonly BuiltForm[];
}

const posted = (form: BuiltForm) => (form.attributes.method ?? "").toLowerCase() === "post";
const namesOf = (form: BuiltForm) =>
  [...new Set([...form.fields.map((field) => field.name), ...form.buttonNames])].filter((name) => name !== FORM_NAME_FIELD && name !== HONEYPOT_FIELD).sort();

/**
 * What Netlify's form detection needs of a form posted to Netlify, each rule with how a form breaks it.
 * https://docs.netlify.com/manage/forms/setup/: a name, the netlify attribute, a hidden form-name for
 * posts made by script, a honeypot, and an action that is a page of the site.
 */
const RULES: ReadonlyArray<{ rule: string; broken(form: BuiltForm, site: SiteFacts): boolean }> = [
  {
    rule: 'is marked for Netlify (data-netlify="true")',
    broken: (form) => form.attributes["data-netlify"] !== "true" && form.attributes.netlify === undefined,
  },
  { rule: "has a name of letters, digits and hyphens", broken: (form) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(form.attributes.name ?? "") },
  { rule: "is one of the site's forms, which npm start stores", broken: (form) => siteFormNamed(form.attributes.name ?? "") === undefined },
  { rule: "posts", broken: (form) => !posted(form) },
  {
    rule: "says its name in a hidden form-name field",
    broken: (form) =>
      !form.fields.some((field) => field.name === FORM_NAME_FIELD && field.type === "hidden" && field.value === form.attributes.name && !field.disabled),
  },
  {
    rule: "names a honeypot field that people neither see, hear nor reach with the keyboard",
    broken: (form) =>
      form.attributes["netlify-honeypot"] !== HONEYPOT_FIELD ||
      !form.fields.some((field) => field.name === HONEYPOT_FIELD && field.type === "text" && field.hiddenFromPeople && field.tabindex === "-1"),
  },
  {
    rule: "ends on a page of the site that thanks the family (its action)",
    broken: (form, site) => {
      const action = form.attributes.action ?? "";
      return !action.startsWith(FORM_SENT_FOLDER) || !site.pages.has(action) || siteFormNamed(form.attributes.name ?? "")?.sentUrl !== action;
    },
  },
  {
    rule: "has each field npm start keeps as an input, textarea or select, which Netlify's detection reads, and no other",
    broken: (form) => {
      const definition = siteFormNamed(form.attributes.name ?? "");
      const declared = [...new Set(form.fields.map((field) => field.name))].filter((name) => name !== FORM_NAME_FIELD && name !== HONEYPOT_FIELD).sort();
      return definition === undefined || declared.join() !== [...definition.fields].sort().join() || namesOf(form).join() !== declared.join();
    },
  },
  { rule: "sends no files (Netlify would need multipart encoding)", broken: (form) => form.fields.some((field) => field.type === "file") },
  {
    rule: "is the only form of its name on its page",
    broken: (form, site) => site.forms.filter((other) => other.page === form.page && other.attributes.name === form.attributes.name).length > 1,
  },
];

/** Each broken rule, as "<page> <form name>: <rule>". Forms that do not post (the search box) are not Netlify's. */
function problemsOf(site: SiteFacts): string[] {
  return site.forms
    .filter((form) => posted(form) || form.attributes["data-netlify"] !== undefined)
    .flatMap((form) => RULES.filter(({ broken }) => broken(form, site)).map(({ rule }) => `${form.page} ${form.attributes.name ?? "(no name)"}: ${rule}`));
}

/** The shared sample site's pages, and every form on them, read once for the file. */
let built: { site: string; pages: string[]; forms: BuiltForm[] };
beforeAll(async () => {
  built = await builtSite();
});

async function builtSite(): Promise<{ site: string; pages: string[]; forms: BuiltForm[] }> {
  const { site } = await sharedSampleSite();
  const pages = await sitePages(site);
  const forms: BuiltForm[] = [];
  for (const page of pages) forms.push(...formsIn(page, await readFile(path.join(site, page.endsWith("/") ? `${page}index.html` : page), "utf8")));
  return { site, pages, forms };
}

describe("the built feedback forms", () => {
  it("have everything Netlify's form detection needs, on every page (and a service's form on every service's page)", async () => {
    const { pages, forms } = built;
    expect(problemsOf({ pages: new Set(pages), forms })).toEqual([]);
    const pagesWith = (name: string) => new Set(forms.filter((form) => form.attributes.name === name).map((form) => form.page));
    // Every page but the thank-you pages and the page the service worker shows offline.
    const feedbackPages = pages.filter((page) => !page.startsWith(FORM_SENT_FOLDER) && page !== "/offline/not-saved/");
    expect([...pagesWith(SITE_FORMS.pageUseful.name)].sort()).toEqual(feedbackPages);
    expect([...pagesWith(SITE_FORMS.pageProblem.name)].sort()).toEqual(feedbackPages);
    const servicePages = pages.filter((page) => /^\/services\/(?!category\/)[^/]+\/$/.test(page));
    expect(servicePages.length).toBeGreaterThan(10);
    expect([...pagesWith(SITE_FORMS.serviceChange.name)].sort()).toEqual(servicePages);
  });

  it("carry the page's address, and on a service's page its id in the Open Referral feed and its name", async () => {
    const { site, forms } = built;
    const change = forms.find((form) => form.attributes.name === SITE_FORMS.serviceChange.name)!;
    const value = (name: string) => change.fields.find((field) => field.name === name)?.value;
    expect(value("page")).toBe(change.page);
    const oruk = JSON.parse(await readFile(path.join(site, "openreferral/services", `${value("service-id")}.json`), "utf8")) as { name: string; url?: string };
    expect(oruk.name).toBe(value("service"));
    for (const form of forms.filter((form) => form.attributes.name === SITE_FORMS.pageUseful.name)) {
      expect(form.fields.find((field) => field.name === "page")?.value).toBe(form.page);
    }
  });

  it("would be reported for each rule they broke", async () => {
    const { pages, forms } = built;
    const original = forms.find((form) => form.page === "/senco/" && form.attributes.name === SITE_FORMS.pageProblem.name)!;
    const site = (form: BuiltForm) => ({ pages: new Set(pages), forms: [form] });
    const without = (form: BuiltForm, name: string) => ({ ...form, fields: form.fields.filter((field) => field.name !== name) });
    const broken: Array<[string, BuiltForm]> = [
      ["is marked for Netlify", { ...original, attributes: { ...original.attributes, "data-netlify": "false" } }],
      ["has a name of letters", { ...original, attributes: { ...original.attributes, name: "Page problem!" } }],
      ["is one of the site's forms", { ...original, attributes: { ...original.attributes, name: "contact" } }],
      ["posts", { ...original, attributes: { ...original.attributes, method: "get" } }],
      ["says its name in a hidden form-name field", without(original, FORM_NAME_FIELD)],
      ["names a honeypot field", { ...original, fields: original.fields.map((field) => ({ ...field, hiddenFromPeople: false })) }],
      ["names a honeypot field", { ...original, attributes: { ...original.attributes, "netlify-honeypot": "" } }],
      ["ends on a page of the site", { ...original, attributes: { ...original.attributes, action: "/thank-you/gone/" } }],
      ["ends on a page of the site", { ...original, attributes: { ...original.attributes, action: SITE_FORMS.serviceChange.sentUrl } }],
      ["has each field npm start keeps", without(original, "went-wrong")],
      ["has each field npm start keeps", { ...original, buttonNames: ["useful"] }],
      ["sends no files", { ...original, fields: [...original.fields, { ...original.fields.at(-1)!, type: "file" }] }],
    ];
    expect(problemsOf(site(original))).toEqual([]);
    for (const [rule, form] of broken) {
      const problems = problemsOf(site(form));
      expect(
        problems.some((problem) => problem.includes(rule)),
        `${rule}: ${problems.join("; ")}`,
      ).toBe(true);
    }
    expect(problemsOf({ pages: new Set(pages), forms: [original, original] })).toEqual([
      `/senco/ page-problem: is the only form of its name on its page`,
      `/senco/ page-problem: is the only form of its name on its page`,
    ]);
  });

  it("stay out of the site's search, which reads pages as families see them", async () => {
    const { site } = built;
    const formWords = [
      "Is this page useful",
      "Report a problem with this page",
      "What went wrong",
      "Report a change to this service",
      "What has changed",
      "Leave this empty",
    ];
    for (const page of ["/senco/", "/services/adhd-family-support-line/"]) {
      const html = await readFile(path.join(site, page, "index.html"), "utf8");
      const searched = documentFromHtml(page, html)!;
      const read = `${searched.title} ${searched.headings} ${searched.body}`;
      expect(read).toContain(searched.title);
      for (const words of formWords) {
        if (html.includes(words)) expect(read, `${page}: ${words}`).not.toContain(words);
      }
      // Were the forms inside the page's main content and not marked to be skipped, search would read them.
      const unmarked = html
        .replace("</main>", "")
        .replace(/<\/body>/, "</main></body>")
        .replace(/ data-search="ignore"/g, "")
        .replace(/<details class="govuk-details( app-feedback__problem)?">/g, "<div>");
      const wouldRead = documentFromHtml(page, unmarked)!;
      expect(`${wouldRead.headings} ${wouldRead.body}`).toContain("Is this page useful");
    }
    for (const page of [SITE_FORMS.pageUseful.sentUrl, SITE_FORMS.serviceChange.sentUrl]) {
      expect(documentFromHtml(page, await readFile(path.join(site, page, "index.html"), "utf8")), page).toBeUndefined();
    }
  });

  it("stay out of the downloadable copy, whose pages say that feedback needs a connection", async () => {
    const { site } = built;
    const files = unzipSync(new Uint8Array(await readFile(path.join(site, "offline/local-offer.zip"))), {
      filter: (file) => file.name.includes("/thank-you/") || /^local-offer\/(senco|services\/adhd-family-support-line)\/index\.html$/.test(file.name),
    });
    expect(Object.keys(files).sort()).toEqual(["local-offer/senco/index.html", "local-offer/services/adhd-family-support-line/index.html"]);
    for (const [name, contents] of Object.entries(files)) {
      const html = strFromU8(contents);
      const page = name.slice("local-offer".length).replace(/index\.html$/, "");
      expect(
        formsIn(page, html).map((form) => form.attributes.name),
        name,
      ).toEqual([undefined]);
      expect(html, name).toContain(
        `id="feedback">Telling us whether a page is useful, reporting a problem or reporting a change to a service needs an internet connection: use <a class="govuk-link" href="https://localoffer.hartsfield.example${page}">this page on the online site</a>.`,
      );
      expect(html, name).not.toContain("Report a change to this service");
    }
  });
});
