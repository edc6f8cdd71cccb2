/**
 * Model checkpoints on disk: a tfjs `IOHandler` that saves a model (topology, weights and
 * optimizer state) into a folder atomically — files are written into a temporary sibling folder
 * that is renamed into place — and loads it back, validating what it reads.
 *
 * Layout: `model.json` (tfjs's ModelJSON: topology, weights manifest, training config) and
 * `weights.bin` (all weights, float32, in manifest order).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { GradproofError } from '../symbolic/index.ts';

/** The weights file name inside a checkpoint folder. */
export const WEIGHTS_FILE = 'weights.bin';
/** The model file name inside a checkpoint folder. */
export const MODEL_FILE = 'model.json';

let counter = 0;

function corrupt(dir: string, what: string, cause?: unknown): GradproofError {
  return new GradproofError('GP_CORRUPT', `checkpoint ${dir}: ${what}`, { position: { file: dir }, ...(cause === undefined ? {} : { cause }) });
}

/** An IOHandler saving to / loading from the checkpoint folder `dir`. */
export function checkpointHandler(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : new tf.io.CompositeArrayBuffer(artifacts.weightData).slice();
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology as object,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig === undefined ? {} : { trainingConfig: artifacts.trainingConfig }),
        ...(artifacts.format === undefined ? {} : { format: artifacts.format }),
        ...(artifacts.generatedBy === undefined ? {} : { generatedBy: artifacts.generatedBy }),
        ...(artifacts.userDefinedMetadata === undefined ? {} : { userDefinedMetadata: artifacts.userDefinedMetadata }),
      };
      writeFolderAtomic(dir, { [MODEL_FILE]: JSON.stringify(modelJson), [WEIGHTS_FILE]: new Uint8Array(weightData) });
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          weightDataBytes: weightData.byteLength,
        },
      };
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      return readCheckpoint(dir);
    },
  };
}

/**
 * Reads a checkpoint folder back into model artifacts.
 *
 * @throws GradproofError GP_CORRUPT when a file is missing, not JSON, or the weights file size
 *   does not match the manifest.
 */
export function readCheckpoint(dir: string): tf.io.ModelArtifacts {
  let json: tf.io.ModelJSON;
  try {
    json = JSON.parse(fs.readFileSync(path.join(dir, MODEL_FILE), 'utf8')) as tf.io.ModelJSON;
  } catch (cause) {
    throw corrupt(dir, `expected a readable ${MODEL_FILE}, got ${(cause as Error).message}`, cause);
  }
  const manifest = json.weightsManifest;
  if (typeof json.modelTopology !== 'object' || json.modelTopology === null || !Array.isArray(manifest) || manifest.length !== 1) {
    throw corrupt(dir, `expected ${MODEL_FILE} with a model topology and one weights group, got ${Object.keys(json).join(', ')}`);
  }
  const weightSpecs = manifest[0].weights;
  let weights: Buffer;
  try {
    weights = fs.readFileSync(path.join(dir, WEIGHTS_FILE));
  } catch (cause) {
    throw corrupt(dir, `expected a readable ${WEIGHTS_FILE}, got ${(cause as Error).message}`, cause);
  }
  const expected = weightSpecs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * bytesPerElement(s.dtype), 0);
  if (weights.length !== expected) throw corrupt(dir, `expected ${expected} bytes of weights, got ${weights.length}`);
  return {
    modelTopology: json.modelTopology,
    weightSpecs,
    weightData: Uint8Array.from(weights).buffer,
    ...(json.trainingConfig === undefined ? {} : { trainingConfig: json.trainingConfig }),
    ...(json.format === undefined ? {} : { format: json.format }),
    ...(json.userDefinedMetadata === undefined ? {} : { userDefinedMetadata: json.userDefinedMetadata }),
  };
}

function bytesPerElement(dtype: string): number {
  if (dtype === 'float32' || dtype === 'int32') return 4;
  if (dtype === 'bool') return 1;
  throw new GradproofError('GP_CORRUPT', `checkpoint weights: expected float32, int32 or bool, got ${dtype}`);
}

/**
 * Writes `files` into folder `dir` atomically: into a temporary sibling folder first, then one
 * rename. An existing `dir` is moved aside and removed only after the new one is in place.
 */
export function writeFolderAtomic(dir: string, files: Record<string, string | Uint8Array>): void {
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${counter++}`;
  fs.mkdirSync(tmp);
  for (const [name, data] of Object.entries(files)) {
    const fd = fs.openSync(path.join(tmp, name), 'w');
    try {
      fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
  let old: string | undefined;
  if (fs.existsSync(dir)) {
    old = `${dir}.old-${process.pid}-${counter++}`;
    fs.renameSync(dir, old);
  }
  fs.renameSync(tmp, dir);
  if (old !== undefined) fs.rmSync(old, { recursive: true, force: true });
}
