/**
 * What a command writes to, so commands are testable in-process: human text or JSON on stdout,
 * messages and progress on stderr.
 */
export interface CommandIO {
  /** Writes a line to standard output. */
  out(line: string): void;
  /** Writes a line to standard error. */
  err(line: string): void;
  /** Writes raw text (no newline) to standard error, for progress bars. */
  progress(text: string): void;
  /** True when standard error is a terminal (progress bars redraw in place). */
  readonly interactive: boolean;
}

/** Commander's output settings that send its help and usage errors to `io`. */
export function commanderOutput(io: CommandIO): { writeOut: (s: string) => void; writeErr: (s: string) => void } {
  return { writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) };
}

/** The process's own streams. */
export const processIO: CommandIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
};

/** An IO that records everything, for tests. */
export function bufferIO(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: () => {}, interactive: false };
}
