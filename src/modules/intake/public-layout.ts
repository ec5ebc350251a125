/** Every value that reaches a public page goes through here: stored text is never rendered as markup. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const e = escapeHtml;

export interface PublicPageInput {
  locale: 'nl' | 'en';
  title: string;
  body: string;
  /** The same page in the other language, with the link text in that language. */
  switchTo: { url: string; label: string } | null;
}

/** The frame of every public page: one stylesheet from this origin, no script, no third-party resource. */
export function renderPublicPage(input: PublicPageInput): string {
  const other = input.locale === 'nl' ? 'en' : 'nl';
  const switchLink = input.switchTo ? `<p class="lang"><a href="${e(input.switchTo.url)}" lang="${other}" hreflang="${other}">${e(input.switchTo.label)}</a></p>` : '';
  return `<!doctype html>
<html lang="${input.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(input.title)}</title>
<link rel="stylesheet" href="/public-assets/report.css">
</head>
<body>
<main>
${switchLink}
${input.body}
</main>
</body>
</html>
`;
}
