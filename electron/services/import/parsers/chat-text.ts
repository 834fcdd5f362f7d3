/**
 * Conventions shared by the chat parsers. A message that is only an attachment (a photo, a
 * sticker, "<Media omitted>") keeps its text, prefixed with ATTACHMENT_MARK, so Hearth can tell
 * it from a written message (content KPIs, search) without another column.
 */
export const ATTACHMENT_MARK = '[attachment]';

/**
 * Marks a text as attachment-only.
 *
 * @example
 * attachmentText('<Media omitted>') // '[attachment] <Media omitted>'
 */
export function attachmentText(description: string): string {
  const d = description.trim();
  return d === '' ? ATTACHMENT_MARK : `${ATTACHMENT_MARK} ${d}`;
}

/** The last path segment of a URL or file path (attachment names for the text). */
export function baseName(url: string): string {
  const clean = url.split(/[?#]/)[0] ?? url;
  const parts = clean.split(/[\\/]/);
  return parts[parts.length - 1] || clean;
}
