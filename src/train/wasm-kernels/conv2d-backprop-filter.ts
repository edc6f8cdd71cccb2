/**
 * `Conv2DBackpropFilter` for the wasm backend, which ships without it (tfjs 4.22).
 *
 * Method: for unit strides, the filter gradient is itself a convolution,
 *   dW[i, j, c, o] = Σ_{n, y, x} X[n, y + i − pT, x + j − pL, c] · dY[n, y, x, o],
 * i.e. a valid convolution of Xᵀ = transpose(X, [3, 1, 2, 0]) (batch ← channels, channels ← batch)
 * with the "filter" dYᵀ = transpose(dY, [1, 2, 0, 3]) under the forward padding, giving
 * [C, kH, kW, O], transposed back to [kH, kW, C, O]. This runs on the wasm backend's XNNPACK
 * Conv2D. Other strides use a direct loop (correct, slow; not used by gradproof's model).
 */
import type { Conv2DBackpropFilterAttrs, KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { GradproofError } from '../../symbolic/index.ts';
import { callKernel, disposeInfos, readFloat32, writeFloat32 } from './call-kernel.ts';
import { type ConvInfo, type ExplicitPadding, forwardConvInfo, isUnitStride } from './conv-geometry.ts';

const BACKEND = 'wasm';

/** The kernel function (inputs `x`, `dy`; attrs as tfjs's `Conv2DBackpropFilterAttrs`). */
export const conv2dBackpropFilterWasm: KernelFunc = ({ inputs, backend: anyBackend, attrs }) => {
  const backend = anyBackend as KernelBackend;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as Conv2DBackpropFilterAttrs;
  if (a.dataFormat !== 'NHWC') {
    throw new GradproofError('GP_ENGINE', `Conv2DBackpropFilter (wasm): expected dataFormat NHWC, got ${a.dataFormat}`);
  }
  const info = forwardConvInfo(x.shape as [number, number, number, number], a.filterShape, a.strides, a.pad, a.dimRoundingMode);
  return isUnitStride(info) ? viaConvolution(backend, x, dy, info) : viaLoop(backend, x, dy, info);
};

function viaConvolution(backend: KernelBackend, x: TensorInfo, dy: TensorInfo, info: ConvInfo): TensorInfo {
  const p = info.padInfo;
  const pad: ExplicitPadding = [[0, 0], [p.top, p.bottom], [p.left, p.right], [0, 0]];
  const xT = callKernel('Transpose', BACKEND, backend, { x }, { perm: [3, 1, 2, 0] });
  const dyT = callKernel('Transpose', BACKEND, backend, { x: dy }, { perm: [1, 2, 0, 3] });
  const conv = callKernel('Conv2D', BACKEND, backend, { x: xT, filter: dyT }, {
    strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [1, 1],
  });
  disposeInfos(backend, xT, dyT);
  const dw = callKernel('Transpose', BACKEND, backend, { x: conv }, { perm: [1, 2, 0, 3] });
  disposeInfos(backend, conv);
  return dw;
}

/** Reference formulation for any stride: one multiply-add per (filter tap, output pixel). */
function viaLoop(backend: KernelBackend, x: TensorInfo, dy: TensorInfo, info: ConvInfo): TensorInfo {
  const xv = readFloat32(backend, x);
  const dyv = readFloat32(backend, dy);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
  const dw = new Float32Array(filterHeight * filterWidth * inChannels * outChannels);
  for (let n = 0; n < batchSize; n++) {
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++) {
        const dyBase = ((n * outHeight + oy) * outWidth + ox) * outChannels;
        for (let i = 0; i < filterHeight; i++) {
          const iy = oy * info.strideHeight + i - info.padInfo.top;
          if (iy < 0 || iy >= inHeight) continue;
          for (let j = 0; j < filterWidth; j++) {
            const ix = ox * info.strideWidth + j - info.padInfo.left;
            if (ix < 0 || ix >= inWidth) continue;
            const xBase = ((n * inHeight + iy) * inWidth + ix) * inChannels;
            const wBase = (i * filterWidth + j) * inChannels * outChannels;
            for (let c = 0; c < inChannels; c++) {
              const xval = xv[xBase + c];
              const wRow = wBase + c * outChannels;
              for (let o = 0; o < outChannels; o++) dw[wRow + o] += xval * dyv[dyBase + o];
            }
          }
        }
      }
    }
  }
  return writeFloat32(backend, dw, [filterHeight, filterWidth, inChannels, outChannels]);
}

/** Registration entry for {@link conv2dBackpropFilterWasm}. */
export const conv2dBackpropFilterWasmConfig: KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: BACKEND,
  kernelFunc: conv2dBackpropFilterWasm,
};
