// How a chunk of the split index writes a term's postings: the gaps between its documents' numbers
// and its weight in each (in thousandths), as two strings of base-92 digits. The digits are the
// printable ASCII characters but `"`, `\` and `~`, so JSON carries them as they are. Written as
// JSON numbers, a very common word's postings took half as many bytes again once compressed:
// Brotli spends more on a weight's decimal digits and their commas than on two characters that
// hold it exactly. A search downloads these chunks while the family waits for results.
//
// A gap is one digit; a weight two. A larger value is `~` and then a fixed number of digits.

const BASE = 92;
const ESCAPE = "~";
const ESCAPE_CODE = ESCAPE.charCodeAt(0);
const DIGITS = Array.from({ length: 95 }, (_, at) => String.fromCharCode(32 + at))
  .filter((char) => char !== '"' && char !== "\\" && char !== ESCAPE)
  .join("");
/** Each character code's digit value; -1 for the escape and anything that is not a digit. */
const VALUE_OF = new Int8Array(128).fill(-1);
for (let digit = 0; digit < BASE; digit++) VALUE_OF[DIGITS.charCodeAt(digit)] = digit;

/** The digits a value takes: `short` when it fits them, else the escape and `long` digits. */
interface Width {
  short: number;
  long: number;
}
const GAP: Width = { short: 1, long: 3 };
const WEIGHT: Width = { short: 2, long: 4 };

function write(value: number, width: Width, what: string): string {
  const digits = value < BASE ** width.short ? width.short : width.long;
  if (!Number.isInteger(value) || value < 0 || value >= BASE ** width.long) {
    throw new Error(`The search index cannot hold a ${what} of ${value}: it holds whole numbers from 0 to ${BASE ** width.long - 1}.`);
  }
  let text = "";
  for (let left = value, at = 0; at < digits; at++, left = Math.floor(left / BASE)) text = DIGITS[left % BASE]! + text;
  return digits === width.short ? text : ESCAPE + text;
}

/** A term's postings written as [gaps, weights]: refs ascending, weights in thousandths (whole numbers). */
export function encodePostings(refs: readonly number[], weights: readonly number[]): [string, string] {
  let gaps = "";
  let written = "";
  refs.forEach((ref, position) => {
    gaps += write(ref - (refs[position - 1] ?? 0), GAP, "gap between page numbers");
    written += write(weights[position]!, WEIGHT, "weight");
  });
  return [gaps, written];
}

/** The value of the `digits` digits from `at`. */
function valueAt(text: string, at: number, digits: number): number {
  let value = 0;
  for (let end = at + digits; at < end; at++) {
    const digit = VALUE_OF[text.charCodeAt(at)] ?? -1;
    if (digit < 0) throw new Error(`search index: "${text[at] ?? "(end)"}" at ${at} is not a digit of the postings' code`);
    value = value * BASE + digit;
  }
  return value;
}

/** The postings encodePostings wrote: document numbers, and weights as lunr has them (not thousandths). */
export function decodePostings(gaps: string, weights: string): { refs: Int32Array; weights: Float64Array } {
  // At most one document per character of gaps.
  const refs = new Int32Array(gaps.length);
  const scores = new Float64Array(gaps.length);
  let count = 0;
  let ref = 0;
  let weightAt = 0;
  // A search decodes tens of thousands of postings on a phone, so values are read in place, not returned in pairs.
  for (let gapAt = 0; gapAt < gaps.length; count++) {
    if (gaps.charCodeAt(gapAt) === ESCAPE_CODE) {
      ref += valueAt(gaps, gapAt + 1, GAP.long);
      gapAt += 1 + GAP.long;
    } else {
      ref += valueAt(gaps, gapAt, GAP.short);
      gapAt += GAP.short;
    }
    refs[count] = ref;
    if (weights.charCodeAt(weightAt) === ESCAPE_CODE) {
      scores[count] = valueAt(weights, weightAt + 1, WEIGHT.long) / 1000;
      weightAt += 1 + WEIGHT.long;
    } else {
      scores[count] = valueAt(weights, weightAt, WEIGHT.short) / 1000;
      weightAt += WEIGHT.short;
    }
  }
  if (weightAt !== weights.length) throw new Error(`search index: ${count} gaps but the weights run to character ${weights.length}, not ${weightAt}`);
  return { refs: refs.subarray(0, count), weights: scores.subarray(0, count) };
}
