/**
 * The grade scales the common screening converts (R6), with the key of their name in
 * `calls.profile.scales`: the profile shows them, the university's record form offers them.
 */
export const GRADE_SCALES = [
  ['jp-gpa-4', 'jpGpa4'],
  ['gpa-4.3', 'gpa43'],
  ['ru-5', 'ru5'],
  ['fr-20', 'fr20'],
] as const;
