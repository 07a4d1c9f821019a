// American spellings families may type, mapped to the British spellings the site uses, so
// "behavior" finds "behaviour". Applied to every word when indexing and when searching.

// A Map, not an object: a word such as "constructor" or "__proto__" must not find an object's
// built-in properties (it crashed the build and every search for it).
const WORDS = new Map<string, string>(
  Object.entries({
    behavior: "behaviour",
    behaviors: "behaviours",
    behavioral: "behavioural",
    center: "centre",
    centers: "centres",
    color: "colour",
    counseling: "counselling",
    counselor: "counsellor",
    enrollment: "enrolment",
    favorite: "favourite",
    license: "licence",
    organization: "organisation",
    organizations: "organisations",
    organize: "organise",
    pediatric: "paediatric",
    pediatrician: "paediatrician",
    program: "programme",
    programs: "programmes",
    recognize: "recognise",
    specialized: "specialised",
    traveling: "travelling",
    neighborhood: "neighbourhood",
    anemia: "anaemia",
    esthetic: "aesthetic",
    fulfill: "fulfil",
    practicing: "practising",
  }),
);

/**
 * British spelling for listed words, then by rule for -ization and -ize endings. A possessive
 * ending goes too, so "senco's" is searched as "senco".
 */
export function britishSpelling(token: string): string {
  const word = token.replace(/['’]s$/, "");
  const listed = WORDS.get(word);
  if (listed) return listed;
  // Three letters before -ize, so "size" and "prize" stay as they are.
  return word.replace(/ization(s?)$/, "isation$1").replace(/(\w{3})iz(e|es|ed|ing)$/, "$1is$2");
}
