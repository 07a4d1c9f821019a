// The "write your request" form's answers, checked as GOV.UK's patterns ask: each problem is said
// next to its field and in the error summary, in GOV.UK's words ("Enter ...", "Date of birth must
// ..."). Pure, so the rules are tested without a browser.
import { RELATIONSHIPS, type Relationship, type RequestAnswers } from "./letter.ts";

/** The form's fields as the browser reads them, every one a string (or missing). */
export interface FormValues {
  yourName?: string;
  relationship?: string;
  childName?: string;
  dobDay?: string;
  dobMonth?: string;
  dobYear?: string;
  setting?: string;
  whatIsHard?: string;
  whatHasBeenTried?: string;
  whatYouWant?: string;
}

/** A problem, with the id of the field its error summary link goes to (and whose group shows it). */
export interface AnswerError {
  field: "your-name" | "relationship" | "child-name" | "date-of-birth" | "setting" | "what-is-hard" | "what-has-been-tried" | "what-you-want";
  /** The input to focus: for the date, the first of its parts that is wrong. */
  fieldId: string;
  message: string;
}

export const NAME_LENGTH = 100;
export const TEXT_LENGTH = 3000;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const isRelationship = (value: string | undefined): value is Relationship => (RELATIONSHIPS as readonly string[]).includes(value ?? "");

/**
 * The date of birth as the letter says it ("27 March 2015"), or the error to show. `today` is the
 * family's own date, YYYY-MM-DD. EHC needs assessments are for children and young people up to
 * the age of 25, so a date more than 26 years ago is refused.
 */
function dateOfBirth(values: FormValues, today: string): string | AnswerError {
  const parts = { day: values.dobDay?.trim() ?? "", month: values.dobMonth?.trim() ?? "", year: values.dobYear?.trim() ?? "" };
  const error = (message: string, part: keyof typeof parts = "day"): AnswerError => ({ field: "date-of-birth", fieldId: `date-of-birth-${part}`, message });
  const missing = (Object.keys(parts) as Array<keyof typeof parts>).filter((part) => parts[part] === "");
  if (missing.length === 3) return error("Enter their date of birth");
  if (missing.length > 0) return error(`Date of birth must include a ${missing.join(" and a ")}`, missing[0]);
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) return error("Date of birth must be a real date");
  const [day, month, year] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return error("Date of birth must be a real date");
  const iso = `${parts.year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (iso > today) return error("Date of birth must be in the past");
  const [thisYear, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  if (iso <= `${thisYear - 26}${rest}`) return error("Date of birth must be for someone aged 25 or under", "year");
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A text answer's problem: missing where it must be given, or too long. */
function textError(value: string | undefined, field: AnswerError["field"], what: string, limit: number, required: string | undefined): AnswerError | undefined {
  const text = value?.trim() ?? "";
  if (text === "" && required) return { field, fieldId: field, message: required };
  if (text.length > limit) return { field, fieldId: field, message: `${what} must be ${limit.toLocaleString("en-GB")} characters or fewer` };
  return undefined;
}

/** The answers for the letter, or every problem with them in the order the form asks. */
export function checkAnswers(values: FormValues, today: string): { answers: RequestAnswers } | { errors: AnswerError[] } {
  const born = dateOfBirth(values, today);
  const errors = [
    textError(values.yourName, "your-name", "Your name", NAME_LENGTH, "Enter your full name"),
    isRelationship(values.relationship)
      ? undefined
      : { field: "relationship" as const, fieldId: "relationship", message: "Select whether you are their parent, their carer or the young person" },
    textError(values.childName, "child-name", "Their name", NAME_LENGTH, "Enter the full name of the child or young person"),
    typeof born === "string" ? undefined : born,
    textError(values.setting, "setting", "The name of the nursery, school or college", NAME_LENGTH, undefined),
    textError(values.whatIsHard, "what-is-hard", "What they find hard", TEXT_LENGTH, "Enter what they find hard"),
    textError(values.whatHasBeenTried, "what-has-been-tried", "What has been tried", TEXT_LENGTH, undefined),
    textError(values.whatYouWant, "what-you-want", "What you would like to happen", TEXT_LENGTH, undefined),
  ].filter((error): error is AnswerError => error !== undefined);
  if (errors.length > 0 || typeof born !== "string" || !isRelationship(values.relationship)) return { errors };
  return {
    answers: {
      yourName: values.yourName,
      relationship: values.relationship,
      childName: values.childName,
      dateOfBirth: born,
      setting: values.setting,
      whatIsHard: values.whatIsHard,
      whatHasBeenTried: values.whatHasBeenTried,
      whatYouWant: values.whatYouWant,
    },
  };
}

/** A date as the letter says it: "5 December 2026". */
export function letterDate(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** A date as YYYY-MM-DD in the family's own time zone. */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}
