// The letter asking the council for an education, health and care (EHC) needs assessment, on
// /ehc-plans/write-your-request/. One function writes it, from a family's answers or, with none,
// as the template with gaps the page shows without JavaScript and prints: the browser and the build
// draw the same words. The law it follows: section 36 of the Children and Families Act 2014 (who can
// ask, and the test the council applies) and regulation 5 of the SEND Regulations 2014 (the council
// says within 6 weeks whether it will assess). Nothing here is sent or kept anywhere.

export const RELATIONSHIPS = ["parent", "carer", "young-person"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** What the family tells the form; any answer left out is a gap in the letter. */
export interface RequestAnswers {
  yourName?: string;
  relationship?: Relationship;
  childName?: string;
  /** "27 March 2015", as checkAnswers writes it. */
  dateOfBirth?: string;
  setting?: string;
  whatIsHard?: string;
  whatHasBeenTried?: string;
  whatYouWant?: string;
}

/** Who the letter goes to: the council's SEN team, from the settings. */
export interface Addressee {
  councilName: string;
  teamName: string;
  email: string;
  address: string;
}

/** Words, or a gap for the family to fill in by hand, named by what goes in it. */
export type Segment = string | { gap: string };
export type Line = Segment[];

export interface LetterParagraph {
  lines: Line[];
  /** A heading within the letter, such as "What Sam finds hard". */
  heading?: boolean;
}

export interface Letter {
  /** The sender's name and the date, at the top. */
  from: Line[];
  /** The team's name, council and address. */
  to: Line[];
  subject: Line;
  /** From "Dear ..." to the signature: what an email holds. */
  body: LetterParagraph[];
}

const gap = (what: string): Segment => ({ gap: what });
const filled = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/** A family's own words, as paragraphs of lines: a blank line starts a new paragraph. */
function ownWords(text: string): LetterParagraph[] {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => ({ lines: paragraph.split(/\r?\n/).map((line): Line => [line.trim()]) }));
}

/** A heading and the family's words under it, or a gap; left out when an answer the form allows to be empty is. */
function section(heading: Line, answer: string | undefined, gapText: string, template: boolean): LetterParagraph[] {
  const words = filled(answer);
  if (!words && !template) return [];
  return [{ lines: [heading], heading: true }, ...(words ? ownWords(words) : [{ lines: [[gap(gapText)]] }])];
}

/**
 * The letter. With `today` left out (the template, made when the site is built) the date is a gap;
 * `template` keeps a heading and gap for every answer, where a filled-in letter leaves out the
 * sections the family left empty.
 */
export function requestLetter(answers: RequestAnswers, to: Addressee, options: { today?: string; template?: boolean } = {}): Letter {
  const template = options.template === true;
  const yourName: Segment = filled(answers.yourName) ?? gap("your full name");
  const child: Segment = filled(answers.childName) ?? gap("child's full name");
  const born: Segment = filled(answers.dateOfBirth) ?? gap("date of birth");
  const setting = filled(answers.setting)?.replace(/\.+$/, "");
  const self = answers.relationship === "young-person";

  const opening: Line = self
    ? [
        `I am asking ${to.councilName} to carry out an education, health and care (EHC) needs assessment for me, under section 36 of the Children and Families Act 2014. My date of birth is `,
        born,
        ".",
      ]
    : [
        "I am the ",
        answers.relationship === "parent" ? "parent" : answers.relationship === "carer" ? "carer" : gap("parent or carer"),
        " of ",
        child,
        `. I am asking ${to.councilName} to carry out an education, health and care (EHC) needs assessment for `,
        child,
        ", whose date of birth is ",
        born,
        ", under section 36 of the Children and Families Act 2014.",
      ];
  const settingLine: Line[] = setting
    ? [self ? [`I go to ${setting}.`] : [child, ` goes to ${setting}.`]]
    : template
      ? [self ? ["I go to ", gap("name of your school or college"), "."] : [child, " goes to ", gap("name of their nursery, school or college"), "."]]
      : [];
  const test: Line = self
    ? ["I believe I have or may have special educational needs, and that I may need special educational provision to be made through an EHC plan."]
    : ["I believe ", child, " has or may have special educational needs, and may need special educational provision to be made through an EHC plan."];

  return {
    from: [[yourName], [options.today ?? gap("date")]],
    to: [[to.teamName], [to.councilName], [to.address], [to.email]],
    subject: ["Request for an EHC needs assessment for ", child, ", date of birth ", born],
    body: [
      { lines: [[`Dear ${to.teamName},`]] },
      { lines: [opening] },
      ...(settingLine.length ? [{ lines: settingLine }] : []),
      {
        lines: [
          [
            ...test,
            " When that is so, section 36(8) of the Act says the council must carry out an assessment. The law does not ask for a diagnosis, a report from an educational psychologist, the school's agreement or a set time on SEN support first.",
          ],
        ],
      },
      ...section(self ? ["What I find hard"] : ["What ", child, " finds hard"], answers.whatIsHard, "what they find hard, with examples", template),
      ...section(
        ["What has been tried, and what difference it made"],
        answers.whatHasBeenTried,
        "what has been tried, such as SEN support, and how it went",
        template,
      ),
      ...section(["What I would like to happen"], answers.whatYouWant, "what you would like to happen", template),
      {
        lines: [
          [
            "I will send you copies of the reports and other evidence I have, such as school reports, SEN support plans and reviews, and reports from professionals who know ",
            ...(self ? ["me"] : [child]),
            ".",
          ],
        ],
      },
      {
        lines: [
          [
            "Please confirm that you have received this request and the date you received it. The SEND Regulations 2014 say you must tell me within 6 weeks of that date whether you will carry out an assessment. If you decide not to, please tell me why, and how I can appeal.",
          ],
        ],
      },
      { lines: [["Yours sincerely,"], [yourName]] },
    ],
  };
}

/** A line as plain text, each gap as [what goes in it]. */
export const lineText = (line: Line) => line.map((segment) => (typeof segment === "string" ? segment : `[${segment.gap}]`)).join("");

const paragraphsText = (paragraphs: ReadonlyArray<{ lines: Line[] }>, newline: string) =>
  paragraphs.map((paragraph) => paragraph.lines.map(lineText).join(newline)).join(newline + newline);

/** The whole letter as plain text, to copy and paste. */
export function letterText(letter: Letter, newline = "\n"): string {
  return paragraphsText([{ lines: letter.from }, { lines: letter.to }, { lines: [letter.subject] }, ...letter.body], newline);
}

/**
 * Longest a mailto: address is made: email apps and browsers cut or refuse longer ones (some
 * Windows mail apps at about 2,000 characters), so the address stays under that.
 */
export const MAILTO_LIMIT = 2000;

/** Said at the end of an email that holds only the start of the letter. */
export const CUT_SHORT_NOTE = "[The rest of the letter did not fit in this email. Copy it from the letter page and paste it here.]";

/**
 * A mailto: address that opens the family's email app with the letter's subject and body, encoded
 * as RFC 6068 asks (line breaks as CRLF). A letter too long for MAILTO_LIMIT is cut at the last
 * line break or space that fits, and ends with CUT_SHORT_NOTE; `cutShort` says so.
 */
export function mailtoLink(letter: Letter, email: string, limit = MAILTO_LIMIT): { href: string; cutShort: boolean } {
  const start = `mailto:${encodeURIComponent(email).replace("%40", "@")}?subject=${encodeURIComponent(lineText(letter.subject))}&body=`;
  const body = paragraphsText(letter.body, "\r\n");
  const whole = start + encodeURIComponent(body);
  if (whole.length <= limit) return { href: whole, cutShort: false };
  const ending = `\r\n\r\n${CUT_SHORT_NOTE}`;
  const fits = (length: number) => (start + encodeURIComponent(body.slice(0, length) + ending)).length <= limit;
  // The longest start of the body that fits, found by halving; then back to a break between words.
  let low = 0;
  let high = body.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  const lastBreak = Math.max(body.lastIndexOf(" ", low), body.lastIndexOf("\n", low));
  const cut = body.slice(0, lastBreak > 0 ? lastBreak : low).trimEnd();
  return { href: start + encodeURIComponent(cut + ending), cutShort: true };
}
