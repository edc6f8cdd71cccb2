/**
 * The error type every gradproof layer throws for problems a user can act on.
 *
 * Each error carries a stable {@link ErrorCode} (for scripts and tests) and a message of the
 * form "what: expected X, got Y (at position N)". The CLI maps codes to exit statuses.
 */

/** Stable error codes. Add new ones here; never rename an existing one. */
export const ERROR_CODES = {
  /** Text could not be parsed (syntax), with a position. */
  GP_PARSE: 'GP_PARSE',
  /** Input is well formed but not allowed: unknown function, forbidden node, bad option value. */
  GP_INPUT: 'GP_INPUT',
  /** Input exceeds a size, depth or exponent-tower limit. */
  GP_LIMIT: 'GP_LIMIT',
  /** A catalog file (YAML) is malformed. */
  GP_CATALOG: 'GP_CATALOG',
  /** A named catalog entry, question or preset does not exist. */
  GP_NOT_FOUND: 'GP_NOT_FOUND',
  /** An analytic gradient disagrees with the numerical oracles. */
  GP_GRAD_MISMATCH: 'GP_GRAD_MISMATCH',
  /** A file (IDX, run directory, checkpoint) is corrupt or incompatible. */
  GP_CORRUPT: 'GP_CORRUPT',
  /** A compute engine (backend) is unavailable or failed to load. */
  GP_ENGINE: 'GP_ENGINE',
  /** Work ran past its time budget. */
  GP_TIMEOUT: 'GP_TIMEOUT',
  /** An invariant of gradproof itself was broken: a bug, please report it. */
  GP_INTERNAL: 'GP_INTERNAL',
} as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Where in a piece of text a problem was found (0-based offset, 1-based line/column). */
export interface SourcePosition {
  offset?: number;
  line?: number;
  column?: number;
  file?: string;
}

/**
 * An error with a stable code, an optional position in the input and an optional cause.
 *
 * @example
 * throw new GradproofError('GP_PARSE', "unexpected ')': expected an operand (at position 4)", { position: { offset: 4 } });
 */
export class GradproofError extends Error {
  readonly code: ErrorCode;
  readonly position?: SourcePosition;

  constructor(code: ErrorCode, message: string, options: { position?: SourcePosition; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GradproofError';
    this.code = code;
    this.position = options.position;
  }
}

/** True when `value` is a {@link GradproofError}, optionally with the given code. */
export function isGradproofError(value: unknown, code?: ErrorCode): value is GradproofError {
  return value instanceof GradproofError && (code === undefined || value.code === code);
}
