/** The check-in token of a pasted check-in link, or the text itself when it is a bare token. */
export function tokenOf(text: string): string {
  const trimmed = text.trim();
  const match = /\/check-in\/([^/?#\s]+)/.exec(trimmed);
  return match ? decodeURIComponent(match[1] ?? '') : trimmed;
}
