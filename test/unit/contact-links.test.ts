import { describe, expect, it } from "vitest";
import { contactsIn, telHref } from "../../src/content/contact-links.ts";
import { createMarkdown } from "../../src/content/markdown.ts";

const md = createMarkdown({ glossary: [{ id: "sen", term: "special educational needs", abbreviation: "SEN", definition: "Needs." }] });

describe("contactsIn", () => {
  it("finds UK numbers in the schemas' forms and email addresses, in order", () => {
    expect(contactsIn("Call 01632 960000, 020 7946 0000, 0800 123 4567, +44 1632 960123 or 07700900000, or email send@hartsfield.example.")).toEqual([
      { index: 5, text: "01632 960000", href: "tel:01632960000" },
      { index: 19, text: "020 7946 0000", href: "tel:02079460000" },
      { index: 34, text: "0800 123 4567", href: "tel:08001234567" },
      { index: 49, text: "+44 1632 960123", href: "tel:+441632960123" },
      { index: 68, text: "07700900000", href: "tel:07700900000" },
      { index: 90, text: "send@hartsfield.example", href: "mailto:send@hartsfield.example" },
    ]);
  });

  it("leaves out numbers that are not UK phone numbers, and a year after a number", () => {
    expect(contactsIn("Call 999. Ages 0 to 25. In 2014. Ref 123456789012. 0123 45. 016329600001234")).toEqual([]);
    expect(contactsIn("Phone 01632 960000 2026 and 0800 123 4567 89")).toEqual([
      { index: 6, text: "01632 960000", href: "tel:01632960000" },
      { index: 28, text: "0800 123 4567", href: "tel:08001234567" },
    ]);
  });

  it("reads a number inside an email address as part of the address", () => {
    expect(contactsIn("01632960000@hartsfield.example")).toEqual([
      { index: 0, text: "01632960000@hartsfield.example", href: "mailto:01632960000@hartsfield.example" },
    ]);
  });

  it("writes tel: addresses with digits only, keeping +44", () => {
    expect(telHref("+44 (0)1632 960000".replace("(0)", ""))).toBe("tel:+441632960000");
    expect(telHref("01632 960 000")).toBe("tel:01632960000");
  });
});

describe("phone numbers and email addresses in Markdown", () => {
  it("become GOV.UK links in text, marked as links whose words are their address", () => {
    expect(md.render("Phone 01632 960000 or email send@hartsfield.example.")).toBe(
      '<p class="govuk-body">Phone <a href="tel:01632960000" class="govuk-link app-link--address">01632 960000</a> or email <a href="mailto:send@hartsfield.example" class="govuk-link app-link--address">send@hartsfield.example</a>.</p>\n',
    );
    expect(md.render("- Phone: 01632 960060\n- **Email:** shortbreaks@hartsfield.example")).toContain(
      '<li><strong>Email:</strong> <a href="mailto:shortbreaks@hartsfield.example" class="govuk-link app-link--address">shortbreaks@hartsfield.example</a></li>',
    );
  });

  it("are left alone in links, raw HTML links, code and headings", () => {
    const html = md.render(
      '## Call 01632 960000\n\n[Phone us on 01632 960000](/contact/), <a href="/contact/">send@hartsfield.example</a>, `01632 960000`\n\n    send@hartsfield.example\n',
    );
    expect(html).not.toContain("tel:");
    expect(html).not.toContain("mailto:");
  });

  it("pass through the sanitiser on pages with raw HTML, and the glossary still marks abbreviations after them", () => {
    const html = md.render("<details><summary>Who to call</summary>\n\nSEN Service: 01632 960000\n\n</details>");
    expect(html).toContain(' Service: <a href="tel:01632960000" class="govuk-link app-link--address">01632 960000</a>');
    expect(html).toContain('<abbr title="special educational needs">SEN</abbr>');
  });

  it("marks editors' links only when their words are their address", () => {
    expect(md.render("[www.example.org](https://www.example.org/) [Example](https://www.example.org/)")).toBe(
      '<p class="govuk-body"><a href="https://www.example.org/" class="govuk-link app-link--address">www.example.org</a> <a href="https://www.example.org/" class="govuk-link">Example</a></p>\n',
    );
  });
});
