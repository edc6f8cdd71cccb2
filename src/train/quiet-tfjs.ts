/**
 * Silences tfjs's console advertising in Node ("Hi, looks like you are running TensorFlow.js in
 * Node.js…") by enabling production mode, which only skips debug-time warnings; numerical
 * checks are unaffected.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Enables tfjs production mode once. */
export function quietTfjs(): void {
  if (tf.env().getBool('PROD') !== true) tf.enableProdMode();
}
