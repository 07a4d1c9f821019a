// The request for an EHC needs assessment: the letter's words for a filled-in form and as the
// template with gaps, the form's checks in GOV.UK's words, and the mailto: link within its limit.
import { describe, expect, it } from "vitest";
import { checkAnswers, type FormValues, letterDate, TEXT_LENGTH } from "../../src/lib/assessment-request/answers.ts";
import { type Addressee, CUT_SHORT_NOTE, letterText, MAILTO_LIMIT, mailtoLink, requestLetter } from "../../src/lib/assessment-request/letter.ts";

const TO: Addressee = {
  councilName: "Hartsfield County Council",
  teamName: "SEN Service",
  email: "send@hartsfield.example",
  address: "SEN Service, County Hall, Pegs Lane, Hertford SG13 8DE",
};

/** A sample family's answers, as the form's fields hold them. */
const FILLED: FormValues = {
  yourName: "Amira Khan",
  relationship: "parent",
  childName: "Yusuf Khan",
  dobDay: "14",
  dobMonth: "2",
  dobYear: "2017",
  setting: "Pegs Lane Primary School",
  whatIsHard:
    "Yusuf cannot yet read simple words and finds it very hard to follow instructions in class.\nHe often leaves the classroom when it is noisy.\n\nAt home he has meltdowns after school most days.",
  whatHasBeenTried: "SEN support since Year 1, with a reading group three times a week and a visual timetable. His reading has not moved on in a year.",
  whatYouWant: "An assessment that looks at his speech and language, his reading and how he copes with noise.",
};

const TODAY = "2026-12-06";

function answersOf(values: FormValues) {
  const checked = checkAnswers(values, TODAY);
  if ("errors" in checked) throw new Error(checked.errors.map((error) => error.message).join("; "));
  return checked.answers;
}

describe("the request letter", () => {
  it("writes a sample family's letter, to the SEN team, with the law it relies on", () => {
    const letter = requestLetter(answersOf(FILLED), TO, { today: letterDate(new Date(2026, 11, 6)) });
    expect(letterText(letter)).toBe(
      [
        "Amira Khan\n6 December 2026",
        "SEN Service\nHartsfield County Council\nSEN Service, County Hall, Pegs Lane, Hertford SG13 8DE\nsend@hartsfield.example",
        "Request for an EHC needs assessment for Yusuf Khan, date of birth 14 February 2017",
        "Dear SEN Service,",
        "I am the parent of Yusuf Khan. I am asking Hartsfield County Council to carry out an education, health and care (EHC) needs assessment for Yusuf Khan, whose date of birth is 14 February 2017, under section 36 of the Children and Families Act 2014.",
        "Yusuf Khan goes to Pegs Lane Primary School.",
        "I believe Yusuf Khan has or may have special educational needs, and may need special educational provision to be made through an EHC plan. When that is so, section 36(8) of the Act says the council must carry out an assessment. The law does not ask for a diagnosis, a report from an educational psychologist, the school's agreement or a set time on SEN support first.",
        "What Yusuf Khan finds hard",
        "Yusuf cannot yet read simple words and finds it very hard to follow instructions in class.\nHe often leaves the classroom when it is noisy.",
        "At home he has meltdowns after school most days.",
        "What has been tried, and what difference it made",
        "SEN support since Year 1, with a reading group three times a week and a visual timetable. His reading has not moved on in a year.",
        "What I would like to happen",
        "An assessment that looks at his speech and language, his reading and how he copes with noise.",
        "I will send you copies of the reports and other evidence I have, such as school reports, SEN support plans and reviews, and reports from professionals who know Yusuf Khan.",
        "Please confirm that you have received this request and the date you received it. The SEND Regulations 2014 say you must tell me within 6 weeks of that date whether you will carry out an assessment. If you decide not to, please tell me why, and how I can appeal.",
        "Yours sincerely,\nAmira Khan",
      ].join("\n\n"),
    );
  });

  it("speaks for a young person asking for themselves, and leaves out what the family left empty", () => {
    const text = letterText(
      requestLetter(
        answersOf({
          ...FILLED,
          relationship: "young-person",
          yourName: "Jo Smith",
          childName: "Jo Smith",
          dobYear: "2006",
          setting: "",
          whatHasBeenTried: "",
          whatYouWant: "",
        }),
        TO,
        {
          today: "6 December 2026",
        },
      ),
    );
    expect(text).toContain(
      "an education, health and care (EHC) needs assessment for me, under section 36 of the Children and Families Act 2014. My date of birth is 14 February 2006.",
    );
    expect(text).toContain("I believe I have or may have special educational needs");
    expect(text).toContain("\n\nWhat I find hard\n\n");
    expect(text).toContain("professionals who know me.");
    for (const left of ["goes to", "I go to", "What has been tried", "What I would like to happen", "parent"]) expect(text).not.toContain(left);
  });

  it("is, with no answers, the template with a gap for every answer and the date", () => {
    const text = letterText(requestLetter({}, TO, { template: true }));
    for (const gap of [
      "[your full name]\n[date]",
      "I am the [parent or carer] of [child's full name].",
      "[child's full name] goes to [name of their nursery, school or college].",
      "What [child's full name] finds hard\n\n[what they find hard, with examples]",
      "[what has been tried, such as SEN support, and how it went]",
      "[what you would like to happen]",
      "Yours sincerely,\n[your full name]",
    ])
      expect(text).toContain(gap);
    // The template says the council's own details in full.
    expect(text).toContain(TO.address);
  });
});

describe("the form's checks", () => {
  const errorsOf = (values: FormValues) => {
    const checked = checkAnswers(values, TODAY);
    return "errors" in checked ? checked.errors.map(({ fieldId, message }) => `${fieldId}: ${message}`) : [];
  };

  it("passes a filled form, with the date of birth in words", () => {
    expect(answersOf(FILLED).dateOfBirth).toBe("14 February 2017");
    expect(answersOf({ ...FILLED, setting: "", whatHasBeenTried: " ", whatYouWant: undefined }).childName).toBe("Yusuf Khan");
  });

  it("says what is missing, in the order the form asks", () => {
    expect(errorsOf({})).toEqual([
      "your-name: Enter your full name",
      "relationship: Select whether you are their parent, their carer or the young person",
      "child-name: Enter the full name of the child or young person",
      "date-of-birth-day: Enter their date of birth",
      "what-is-hard: Enter what they find hard",
    ]);
    expect(errorsOf({ ...FILLED, relationship: "neighbour", yourName: "   " })).toEqual([
      "your-name: Enter your full name",
      "relationship: Select whether you are their parent, their carer or the young person",
    ]);
  });

  it("checks the date of birth as GOV.UK's date input pattern does", () => {
    const date = (dobDay: string, dobMonth: string, dobYear: string) => errorsOf({ ...FILLED, dobDay, dobMonth, dobYear });
    expect(date("", "2", "2017")).toEqual(["date-of-birth-day: Date of birth must include a day"]);
    expect(date("14", "", "")).toEqual(["date-of-birth-month: Date of birth must include a month and a year"]);
    expect(date("30", "2", "2017")).toEqual(["date-of-birth-day: Date of birth must be a real date"]);
    expect(date("1", "13", "2017")).toEqual(["date-of-birth-day: Date of birth must be a real date"]);
    expect(date("1", "1", "17")).toEqual(["date-of-birth-day: Date of birth must be a real date"]);
    expect(date("7", "12", "2026")).toEqual(["date-of-birth-day: Date of birth must be in the past"]);
    // EHC needs assessments are for people up to 25: 26 years ago today is too old, the day after is not.
    expect(date("6", "12", "2000")).toEqual(["date-of-birth-year: Date of birth must be for someone aged 25 or under"]);
    expect(date("7", "12", "2000")).toEqual([]);
  });

  it("refuses words too long for a letter", () => {
    expect(errorsOf({ ...FILLED, whatIsHard: "a".repeat(TEXT_LENGTH + 1), yourName: "b".repeat(101) })).toEqual([
      "your-name: Your name must be 100 characters or fewer",
      "what-is-hard: What they find hard must be 3,000 characters or fewer",
    ]);
  });
});

describe("the email link", () => {
  // The letter's own words take most of what a mailto: address can carry: a short answer fits.
  const letter = requestLetter(answersOf({ ...FILLED, whatIsHard: "Reading and writing.", whatHasBeenTried: "", whatYouWant: "", setting: "" }), TO, {
    today: "6 December 2026",
  });

  it("opens an email to the SEN team with the subject and the letter from its greeting, encoded", () => {
    const { href, cutShort } = mailtoLink(letter, TO.email);
    expect(cutShort).toBe(false);
    expect(href.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    const url = new URL(href);
    expect(url.protocol).toBe("mailto:");
    expect(url.pathname).toBe("send@hartsfield.example");
    expect(url.searchParams.get("subject")).toBe("Request for an EHC needs assessment for Yusuf Khan, date of birth 14 February 2017");
    const body = url.searchParams.get("body")!;
    expect(body.startsWith("Dear SEN Service,\r\n\r\nI am the parent of Yusuf Khan.")).toBe(true);
    expect(body.endsWith("Yours sincerely,\r\nAmira Khan")).toBe(true);
    // Spaces are %20, never +, which some email apps would show as it is.
    expect(href).not.toContain("+");
    expect(href).toContain("%0D%0A");
  });

  it("cuts a letter too long for one at a break between words, and says so in the email", () => {
    const long = requestLetter(answersOf({ ...FILLED, whatIsHard: `He finds reading & writing hard. ${FILLED.whatIsHard}` }), TO, { today: "6 December 2026" });
    const { href, cutShort } = mailtoLink(long, TO.email);
    expect(cutShort).toBe(true);
    expect(href.length).toBeLessThanOrEqual(MAILTO_LIMIT);
    expect(href.length).toBeGreaterThan(MAILTO_LIMIT - 200);
    const body = new URL(href).searchParams.get("body")!;
    expect(body.endsWith(`\r\n\r\n${CUT_SHORT_NOTE}`)).toBe(true);
    expect(body.slice(0, -CUT_SHORT_NOTE.length).trimEnd()).toMatch(/(?:^|\s)\S+$/);
    expect(body).toContain("reading & writing");
  });
});
