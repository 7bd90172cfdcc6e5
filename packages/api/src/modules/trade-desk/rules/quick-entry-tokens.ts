/**
 * Tokeniser for quick entry. Numbers keep Indian digit grouping ("5,20,000") and ranges
 * ("28-30", "3.8–4.5") together; commas followed by a space are separators, not grouping.
 */
export type Token = {
  /** As typed, for "unrecognised words" and ambiguity reports. */
  text: string;
  /** Lower case with everything but letters and digits removed: "Shankar-6" → "shankar6". */
  key: string;
  kind: 'number' | 'range' | 'word';
  /** Numbers: the value; ranges: the two ends. */
  value?: number;
  range?: [number, number];
};

const TOKEN =
  /(\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?\s*(?:-|–|to)\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}₹@][\p{L}\p{N}\-.]*)/gu;

const RANGE = /^(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)$/;

export function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}₹@]/gu, '');
}

export function tokenise(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const match of sentence.matchAll(TOKEN)) {
    // A sentence-ending full stop sticks to the word before it ("Rajkot.").
    const text = match[0].replace(/\.+$/, '');
    if (text === '') continue;
    const range = RANGE.exec(text);
    if (range) {
      tokens.push({ text, key: text, kind: 'range', range: [Number(range[1]), Number(range[2])] });
    } else if (/^\d/.test(text)) {
      tokens.push({ text, key: text, kind: 'number', value: Number(text.replace(/,/g, '')) });
    } else {
      tokens.push({ text, key: normalise(text), kind: 'word' });
    }
  }
  return tokens;
}
