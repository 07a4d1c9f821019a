// Prices as families read them: "£3.50 for a two-hour session", "£20 for a day", "Free for carers".

export interface CostOption {
  amount: number;
  for: string;
}

// One formatter each, made once for the build rather than once a price.
const WHOLE_POUNDS = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const POUNDS_AND_PENCE = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2 });

/** 3.5 → "£3.50", 20 → "£20", 1250 → "£1,250": pence only when there are some. */
export function poundsInWords(amount: number): string {
  return (Number.isInteger(amount) ? WHOLE_POUNDS : POUNDS_AND_PENCE).format(amount);
}

export function costOptionInWords(option: CostOption): string {
  return `${option.amount === 0 ? "Free" : poundsInWords(option.amount)} for ${option.for}`;
}
