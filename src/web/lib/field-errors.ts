export type FieldIssue = { field: string; message: string };

/**
 * The messages of a field (e.g. `content.title`) from a 400's issues. With `nested`, issues of
 * anything inside it count too: `content.directions[0].fields[1]` belongs to
 * `content.directions[0].fields`.
 */
export function messagesFor(
  issues: readonly FieldIssue[],
  field: string,
  nested = false,
): string[] {
  return issues
    .filter(
      (issue) =>
        issue.field === field ||
        (nested && (issue.field.startsWith(`${field}.`) || issue.field.startsWith(`${field}[`))),
    )
    .map((issue) => issue.message);
}
