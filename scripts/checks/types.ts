/** A problem found by a metadata check: which file, what is wrong. */
export interface Problem {
  /** Name of the check that found it (convert, fields, objects, schema, lwc, permissionsets, ...). */
  readonly check: string;
  /** Path of the file, relative to the project root. */
  readonly file: string;
  /** What is wrong, in words an admin understands. */
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.message} [${problem.check}]`;
}
