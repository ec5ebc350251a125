import { knownPlaceholders } from '../messages-check/index.ts';

export type PlaceholderName = (typeof knownPlaceholders)[number];
export type TemplateValues = Record<PlaceholderName, string>;

type Part = { text: string } | { field: PlaceholderName };

/** A template split once into literal text and fields; rendering is then a join, no parsing per person. */
export interface CompiledTemplate {
  readonly parts: readonly Part[];
  render(values: TemplateValues): string;
  renderHtml(values: TemplateValues): string;
}

const placeholderPattern = /\{\{\s*([a-zA-Z_]\w*)\s*\}\}/g;

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

/** Throws on an unknown placeholder: the Art. 34(2) check reports those before a campaign can be saved. */
export function compileTemplate(source: string): CompiledTemplate {
  const parts: Part[] = [];
  let last = 0;
  for (const match of source.matchAll(placeholderPattern)) {
    const name = match[1]!.toLowerCase();
    if (!(knownPlaceholders as readonly string[]).includes(name)) throw new Error(`Unknown placeholder {{${match[1]}}}`);
    if (match.index > last) parts.push({ text: source.slice(last, match.index) });
    parts.push({ field: name as PlaceholderName });
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  return {
    parts,
    render(values) {
      let out = '';
      for (const part of parts) out += 'text' in part ? part.text : values[part.field];
      return out;
    },
    // Everything is escaped, the author's text too: the HTML part is the plain text with paragraphs.
    renderHtml(values) {
      let out = '';
      for (const part of parts) out += escapeHtml('text' in part ? part.text : values[part.field]);
      return `<!doctype html><html><body>${out
        .split(/\n{2,}/)
        .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
        .join('\n')}</body></html>`;
    },
  };
}
