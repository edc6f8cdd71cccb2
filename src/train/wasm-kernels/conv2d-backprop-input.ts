/**
 * A fast `Conv2DBackpropInput` for the wasm backend, replacing tfjs 4.22's (a direct loop at
 * about 0.3 GMAC/s, measured as ~63% of a training step of gradproof's CNN at batch 128).
 *
 * Method: for unit strides the input gradient is a "full" convolution of dY with the filter
 * rotated by 180° and its in/out channels swapped,
 *   dX[n, y, x, c] = Σ_{i, j, o} dY[n, y − i + pT, x − j + pL, o] · W[i, j, c, o]
 *                  = valid-conv(pad(dY, k − 1 − p), W′)[n, y, x, c],  W′[i, j, o, c] = W[kH−1−i, kW−1−j, c, o],
 * with dY padded by (kH − 1 − pTop, kH − 1 − pBottom) rows and likewise columns. It runs on the
 * XNNPACK Conv2D. Other strides fall back to the kernel tfjs registered originally.
 */
import type { Conv2DBackpropInputAttrs, KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { callKernel, disposeInfos, readFloat32, writeFloat32 } from './call-kernel.ts';
import { type ConvInfo, type ExplicitPadding, forwardConvInfo, isUnitStride } from './conv-geometry.ts';

const BACKEND = 'wasm';

/**
 * Builds the kernel function; `original` (tfjs's own kernel, captured before it is replaced)
 * serves the configurations the fast path does not cover.
 */
export function makeConv2dBackpropInputWasm(original: KernelFunc | undefined): KernelFunc {
  return (args) => {
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    const a = args.attrs as unknown as Conv2DBackpropInputAttrs;
    const info = a.dataFormat === 'NHWC'
      ? forwardConvInfo(a.inputShape, filter.shape as [number, number, number, number], a.strides, a.pad, a.dimRoundingMode)
      : undefined;
    if (info !== undefined && isUnitStride(info) && paddingFits(info)) return viaConvolution(args.backend as KernelBackend, dy, filter, info);
    if (original === undefined) throw new Error('Conv2DBackpropInput (wasm): no fallback kernel for this configuration');
    return original(args);
  };
}

/** The full-convolution padding (k − 1 − p) is non-negative: the forward pad is below the kernel size. */
function paddingFits(info: ConvInfo): boolean {
  const p = info.padInfo;
  return Math.max(p.top, p.bottom) < info.filterHeight && Math.max(p.left, p.right) < info.filterWidth;
}

/** W[kH, kW, C, O] → W′[kH, kW, O, C] rotated by 180° in the two spatial axes. */
export function rotateFilter(w: Float32Array, kh: number, kw: number, c: number, o: number): Float32Array {
  const out = new Float32Array(w.length);
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const src = ((kh - 1 - i) * kw + (kw - 1 - j)) * c * o;
      const dst = (i * kw + j) * o * c;
      for (let ci = 0; ci < c; ci++) {
        for (let oi = 0; oi < o; oi++) out[dst + oi * c + ci] = w[src + ci * o + oi];
      }
    }
  }
  return out;
}

function viaConvolution(backend: KernelBackend, dy: TensorInfo, filter: TensorInfo, info: ConvInfo): TensorInfo {
  const { filterHeight: kh, filterWidth: kw, inChannels, outChannels, padInfo: p } = info;
  const rotated = writeFloat32(backend, rotateFilter(readFloat32(backend, filter), kh, kw, inChannels, outChannels), [kh, kw, outChannels, inChannels]);
  const pad: ExplicitPadding = [[0, 0], [kh - 1 - p.top, kh - 1 - p.bottom], [kw - 1 - p.left, kw - 1 - p.right], [0, 0]];
  const dx = callKernel('Conv2D', BACKEND, backend, { x: dy, filter: rotated }, {
    strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [1, 1],
  });
  disposeInfos(backend, rotated);
  return dx;
}

/** Registration entry; `original` is the kernel it replaces (kept as the fallback). */
export function conv2dBackpropInputWasmConfig(original: KernelFunc | undefined): KernelConfig {
  return { kernelName: 'Conv2DBackpropInput', backendName: BACKEND, kernelFunc: makeConv2dBackpropInputWasm(original) };
}
