/** One recipient's outcome in a delivery status notification, in the shape `POST /api/bounces` takes. */
export interface DsnNotice {
  messageId: string;
  status: string;
  reason: string;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Header names lower-cased, folded lines joined (RFC 5322 2.2.3); the first of a repeated header wins. */
function parseHeaderBlock(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function splitEntity(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { headers: parseHeaderBlock(raw), body: '' };
  return { headers: parseHeaderBlock(raw.slice(0, match.index)), body: raw.slice(match.index + match[0].length) };
}

function contentType(part: Part): { type: string; boundary: string | null } {
  const value = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(value);
  return { type: value.split(';')[0]!.trim().toLowerCase(), boundary: boundary ? (boundary[1] ?? boundary[2]!) : null };
}

/** The parts of a multipart body, nested multiparts flattened, in order. */
function flattenParts(entity: Part): Part[] {
  const { type, boundary } = contentType(entity);
  if (!type.startsWith('multipart/') || !boundary) return [entity];
  const delimiter = `--${boundary}`;
  const sections = entity.body.split(new RegExp(`\\r?\\n?${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`));
  // The text before the first delimiter (the preamble) and after the last (the epilogue) are not parts.
  return sections.slice(1, -1).flatMap((section) => flattenParts(splitEntity(section)));
}

/**
 * Reads an RFC 3464 delivery status notification (a multipart/report e-mail): the Message-ID comes from
 * the returned message or its headers, the status and reason from each recipient's fields. A mail that
 * is not such a report yields nothing.
 */
export function parseDsn(raw: string): DsnNotice[] {
  const parts = flattenParts(splitEntity(raw));
  const statusPart = parts.find((p) => contentType(p).type === 'message/delivery-status');
  const returned = parts.find((p) => ['message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers'].includes(contentType(p).type));
  if (!statusPart || !returned) return [];
  const messageId = splitEntity(returned.body).headers.get('message-id');
  if (!messageId) return [];
  // The first block holds per-message fields; each later block is one recipient.
  const blocks = statusPart.body.split(/\r?\n[ \t]*\r?\n/).map(parseHeaderBlock);
  const notices: DsnNotice[] = [];
  for (const fields of blocks.slice(1)) {
    const status = /\d\.\d{1,3}\.\d{1,3}/.exec(fields.get('status') ?? '')?.[0];
    if (!status) continue;
    const diagnostic = (fields.get('diagnostic-code') ?? '').replace(/^[a-z0-9-]+;\s*/i, '');
    const action = fields.get('action') ?? '';
    notices.push({ messageId, status, reason: (diagnostic || action).slice(0, 1000) });
  }
  return notices;
}
