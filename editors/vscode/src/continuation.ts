// What Enter does at the end of a numbered line: the next operative number, the next
// subparagraph label, the first label of a list introduced by a colon, the next footnote.
// Plain functions over line text, so they are unit-tested without VS Code.

export type EnterAction =
  /** Break the line and start the new one with `text`. */
  | { kind: 'continue'; text: string }
  /** The line holds only a label: remove it, keeping the indentation, and add no line. */
  | { kind: 'endList'; indentation: string }
  /** Nothing to continue: a plain Enter. */
  | { kind: 'default' };

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const OPERATIVE = /^([ \t]*)(\d{1,3})\.([ \t]+)(.*)$/;
const SUBPARAGRAPH = /^([ \t]*)\(([a-z]{1,2}|[ivxlc]+)\)([ \t]+)(.*)$/;
const MARKDOWN_FOOTNOTE = /^\[\^(\d{1,3})\]:([ \t]*)(.*)$/;
const EXPORT_FOOTNOTE = new RegExp(`^(\\d{1,3})([ \\t]+)(?!(?:${MONTHS})[ \\t]+\\d{4}[ \\t]*$)(.*)$`);

const ROMAN: ReadonlyArray<[number, string]> = [
  [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

export function toRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [n, letters] of ROMAN) {
    while (rest >= n) {
      out += letters;
      rest -= n;
    }
  }
  return out;
}

export function fromRoman(label: string): number | undefined {
  for (let n = 1; n < 40; n++) {
    if (toRoman(n) === label) {
      return n;
    }
  }
  return undefined;
}

/** (a) … (z), then (aa), (bb) … as in United Nations texts. */
export function nextLetterLabel(label: string): string | undefined {
  if (!/^([a-z])\1?$/.test(label)) {
    return undefined;
  }
  const letter = label[0];
  if (letter === 'z') {
    return label.length === 1 ? 'aa' : undefined;
  }
  return String.fromCharCode(letter.charCodeAt(0) + 1).repeat(label.length);
}

/**
 * Is this label a roman numeral? `(i)`, `(v)`, `(x)` are letters when they continue a
 * letter list, as in `(h)` then `(i)`: pass the label of the line above.
 */
export function isRomanLabel(label: string, labelAbove: string | undefined): boolean {
  if (!/^[ivx]+$/.test(label) || fromRoman(label) === undefined) {
    return false;
  }
  return labelAbove === undefined || nextLetterLabel(labelAbove) !== label;
}

/** The subparagraph label of a line, if it has one. */
export function subparagraphLabel(line: string): string | undefined {
  return SUBPARAGRAPH.exec(line)?.[2];
}

/**
 * What Enter should do with the cursor at `cursor` in `line`. Only a cursor at the end
 * of the text continues a list; `labelAbove` is the subparagraph label of the nearest
 * line above that has one.
 */
export function continueParagraph(line: string, cursor: number, labelAbove?: string): EnterAction {
  if (line.slice(cursor).trim() !== '') {
    return { kind: 'default' };
  }
  const text = line.slice(0, cursor);

  const operative = OPERATIVE.exec(text);
  if (operative) {
    const [, indent, number, separator, body] = operative;
    if (body.trim() === '') {
      return { kind: 'endList', indentation: indent };
    }
    if (body.trimEnd().endsWith(':')) {
      return { kind: 'continue', text: `${indent}(a)${separator}` };
    }
    return { kind: 'continue', text: `${indent}${Number(number) + 1}.${separator}` };
  }

  const sub = SUBPARAGRAPH.exec(text);
  if (sub) {
    const [, indent, label, separator, body] = sub;
    if (body.trim() === '') {
      return { kind: 'endList', indentation: indent };
    }
    const roman = isRomanLabel(label, labelAbove);
    if (!roman && body.trimEnd().endsWith(':')) {
      return { kind: 'continue', text: `${indent}(i)${separator}` };
    }
    const next = roman ? toRoman((fromRoman(label) ?? 0) + 1) : nextLetterLabel(label);
    return next === undefined ? { kind: 'default' } : { kind: 'continue', text: `${indent}(${next})${separator}` };
  }

  const markdown = MARKDOWN_FOOTNOTE.exec(text);
  if (markdown) {
    const [, number, separator, body] = markdown;
    if (body.trim() === '') {
      return { kind: 'endList', indentation: '' };
    }
    return { kind: 'continue', text: `[^${Number(number) + 1}]:${separator === '' ? ' ' : separator}` };
  }

  const footnote = EXPORT_FOOTNOTE.exec(text);
  if (footnote) {
    const [, number, separator, body] = footnote;
    if (body.trim() === '') {
      return { kind: 'endList', indentation: '' };
    }
    return { kind: 'continue', text: `${Number(number) + 1}${separator}` };
  }

  return { kind: 'default' };
}
