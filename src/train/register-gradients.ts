/**
 * Makes sure tfjs's gradient functions are registered.
 *
 * tfjs-core's Node bundle registers no gradients (`register_all_gradients` ships only as an ES
 * module file that Node cannot load from a CommonJS package); tfjs-layers' Node bundle registers
 * the complete list into the same global registry when it is loaded. Every engine imports this
 * file so that `tf.grads` works even before a model is built.
 */
import '@tensorflow/tfjs-layers';
