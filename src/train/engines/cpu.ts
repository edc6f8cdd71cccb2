/**
 * The pure-JavaScript `cpu` engine: always available, slow (the reference the other engines'
 * kernels are tested against).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../register-gradients.ts';
import { GradproofError } from '../../symbolic/index.ts';
import type { Engine } from '../engine.ts';
import { quietTfjs } from '../quiet-tfjs.ts';

/**
 * Registers (idempotently) and makes current tfjs's `cpu` backend.
 *
 * @throws GradproofError GP_ENGINE when the backend cannot be initialised.
 */
export async function loadCpuEngine(): Promise<Engine> {
  quietTfjs();
  const ok = await tf.setBackend('cpu');
  if (!ok) throw new GradproofError('GP_ENGINE', "cpu engine: expected tf.setBackend('cpu') to succeed, got false");
  await tf.ready();
  return { name: 'cpu', backend: 'cpu', hardwareGpu: false, description: 'cpu (tfjs pure JavaScript, 1 thread)' };
}
