// The link check of the built site reads pages with a tag scanner, not a full HTML parser; these
// are the cases where a naive scanner would go wrong.
import { describe, expect, it } from "vitest";
import { absoluteLinks, LinkCheck, readFacts } from "../../src/pipeline/link-check.ts";

describe("reading a page's ids and links", () => {
  it("reads href, src and action, with entities decoded, and skips the canonical link and comments", () => {
    const facts = readFacts(
      [
        '<link rel="canonical" href="https://example.org/missing/">',
        '<meta name="description" content="a > b and <c>"><a class="govuk-link" href="/search/?q=a&amp;b=c" id="first">x</a>',
        '<!-- <a href="/commented-out/">no</a> -->',
        '<img src=\'/assets/a.svg\' alt=""><form action=/search/ method=get></form><A HREF="/upper/">y</A>',
        '<p>href="/in-text/" is only text</p><div id="main-content"></div>',
      ].join("\n"),
    );
    expect(facts.references).toEqual([
      { attribute: "href", value: "/search/?q=a&b=c" },
      { attribute: "src", value: "/assets/a.svg" },
      { attribute: "action", value: "/search/" },
      { attribute: "href", value: "/upper/" },
    ]);
    expect([...facts.ids]).toEqual(["first", "main-content"]);
  });

  it("reads a link written in full to the site's own address as a link inside the site", () => {
    const facts = readFacts('<a href="https://site.example/ehc-plans/#timescales">x</a><a href="https://other.example/">y</a>', "https://site.example");
    expect(facts.references.map(({ value }) => value)).toEqual(["/ehc-plans/#timescales", "https://other.example/"]);
  });

  it("writes root-relative links in full and leaves others alone", () => {
    expect(absoluteLinks('<a href="/a/">a</a> <img src="/b.svg"> <a href="//cdn.example/x">c</a> <a href="#top">d</a>', "https://site.example")).toBe(
      '<a href="https://site.example/a/">a</a> <img src="https://site.example/b.svg"> <a href="//cdn.example/x">c</a> <a href="#top">d</a>',
    );
  });
});

describe("finding broken links", () => {
  const page = (html: string) => `<main id="main-content">${html}</main>`;
  const files = new Set(["/index.html", "/a/index.html", "/assets/site.css"]);

  it("names each page, link and reason: a missing page, a missing fragment, and a page without the layout", () => {
    const check = new LinkCheck(new Set([...files, "/bare.html"]));
    // The page with the fragment comes after the page linking to it: fragments wait for every page.
    check.add(
      "/index.html",
      page(
        '<a href="/a/">ok</a><a href="/a/#there">ok</a><a href="/a#there">ok</a><a href="/gone/">gone</a><a href="/a/#nowhere">frag</a><link href="/assets/site.css">',
      ),
    );
    check.add("/a/index.html", page('<h2 id="there">There</h2><a href="#missing">x</a><a href="mailto:a@example.org">m</a>'));
    check.add("/bare.html", "<p>No layout</p>");
    // By page, whatever order the pages were rendered in, and in each page's order.
    expect(check.problems()).toEqual([
      '/a/index.html: href="#missing" points at #missing, which is not on that page',
      '/bare.html: has no id="main-content", so it was built without the site\'s layout',
      '/index.html: href="/gone/" points at /gone/, which the build did not make',
      '/index.html: href="/a/#nowhere" points at #nowhere, which is not on that page',
    ]);
  });

  it("checks links to files made after the pages against every file the site has at the end", () => {
    // While Eleventy renders, the search index is not made yet; the check begins with the files it knows.
    const check = new LinkCheck(files);
    check.add("/index.html", page('<link href="/search/manifest.json"><a href="/search/gone.json">x</a><a href="/a/">a</a>'));
    expect(check.problems(new Set([...files, "/search/manifest.json"]))).toEqual([
      '/index.html: href="/search/gone.json" points at /search/gone.json, which the build did not make',
    ]);
  });
});
