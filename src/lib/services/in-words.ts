// Lists in running text, as GOV.UK writes them: "English, Polish and Urdu".

/** "a" → "a"; "a", "b" → "a and b"; "a", "b", "c" → "a, b and c" (no Oxford comma). */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
