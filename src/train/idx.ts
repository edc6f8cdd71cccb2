/**
 * The IDX file format of MNIST and Fashion-MNIST (raw or gzip-compressed), read with full
 * validation and written (for tests and caches).
 *
 * Format (http://yann.lecun.com/exdb/mnist/): bytes 0–1 are zero; byte 2 the element type
 * (0x08 = unsigned byte, the only type these datasets use); byte 3 the number of dimensions d;
 * then d big-endian uint32 sizes; then the elements, row-major, nothing after them.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { GradproofError } from '../symbolic/index.ts';

/** IDX element type code of unsigned bytes. */
export const IDX_UBYTE = 0x08;
/** First two bytes of any gzip stream (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;
/** Largest decompressed IDX file accepted: full MNIST train images are 47 MB; 1 GiB is far above any real one. */
export const IDX_MAX_BYTES = 1 << 30;

/** A decoded IDX array of unsigned bytes. */
export interface IdxArray {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

/** Images read from an idx3 file: `count` images of `rows × cols` grey levels 0–255. */
export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly pixels: Uint8Array;
}

function corrupt(file: string, what: string): GradproofError {
  return new GradproofError('GP_CORRUPT', `IDX file ${file}: ${what}`, { position: { file } });
}

/** Decompresses `bytes` when they start with the gzip magic number. */
function gunzipIfNeeded(bytes: Uint8Array, file: string): Uint8Array {
  if (bytes.length < 2 || bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return bytes;
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: IDX_MAX_BYTES });
  } catch (cause) {
    throw new GradproofError('GP_CORRUPT', `IDX file ${file}: expected a valid gzip stream, got ${(cause as Error).message}`, { cause, position: { file } });
  }
}

/**
 * Decodes an IDX file's bytes (raw or gzip), checking the magic number, the element type, the
 * dimension count and that the size matches the file length exactly.
 *
 * @param expectedDims the number of dimensions required (3 for images, 1 for labels).
 * @throws GradproofError GP_CORRUPT naming the file and what is wrong.
 */
export function parseIdx(input: Uint8Array, file: string, expectedDims?: number): IdxArray {
  const bytes = gunzipIfNeeded(input, file);
  if (bytes.length < 4) throw corrupt(file, `expected at least a 4-byte header, got ${bytes.length} bytes`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw corrupt(file, `expected magic bytes 00 00, got ${hex(bytes[0])} ${hex(bytes[1])} (at position 0)`);
  }
  if (bytes[2] !== IDX_UBYTE) throw corrupt(file, `expected element type 0x08 (unsigned byte), got ${hex(bytes[2])} (at position 2)`);
  const ndims = bytes[3];
  if (expectedDims !== undefined && ndims !== expectedDims) {
    throw corrupt(file, `expected ${expectedDims} dimension${expectedDims === 1 ? '' : 's'}, got ${ndims} (at position 3)`);
  }
  if (ndims === 0) throw corrupt(file, 'expected at least 1 dimension, got 0 (at position 3)');
  const headerLength = 4 + 4 * ndims;
  if (bytes.length < headerLength) throw corrupt(file, `expected a ${headerLength}-byte header, got ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let size = 1;
  for (let i = 0; i < ndims; i++) {
    const d = view.getUint32(4 + 4 * i, false);
    dims.push(d);
    size *= d;
  }
  if (size > IDX_MAX_BYTES) throw corrupt(file, `expected at most ${IDX_MAX_BYTES} elements, got ${size} (dimensions ${dims.join('×')})`);
  const actual = bytes.length - headerLength;
  if (actual !== size) {
    const why = actual < size ? 'truncated' : 'trailing bytes';
    throw corrupt(file, `expected ${size} data bytes for dimensions ${dims.join('×')}, got ${actual} (${why})`);
  }
  return { dims, data: bytes.subarray(headerLength) };
}

/** Reads and validates an idx3 image file. */
export function readIdxImages(file: string): IdxImages {
  const { dims, data } = parseIdx(readFile(file), file, 3);
  const [count, rows, cols] = dims;
  if (rows === 0 || cols === 0) throw corrupt(file, `expected non-empty images, got ${rows}×${cols}`);
  return { count, rows, cols, pixels: data };
}

/**
 * Reads and validates an idx1 label file whose labels must lie in `0 … classes − 1`.
 */
export function readIdxLabels(file: string, classes = 10): Uint8Array {
  const { data } = parseIdx(readFile(file), file, 1);
  for (let i = 0; i < data.length; i++) {
    if (data[i] >= classes) throw corrupt(file, `expected labels 0–${classes - 1}, got ${data[i]} (at label ${i})`);
  }
  return data;
}

/** Encodes an unsigned-byte IDX file (gzip-compressed when `gzip` is true). */
export function encodeIdx(dims: readonly number[], data: Uint8Array, gzip = false): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(header.buffer);
  header[2] = IDX_UBYTE;
  header[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  const raw = Buffer.concat([header, data]);
  return gzip ? zlib.gzipSync(raw) : raw;
}

function readFile(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'error';
    throw new GradproofError('GP_NOT_FOUND', `IDX file ${file}: expected a readable file, got ${code}`, { cause, position: { file } });
  }
}

function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}
