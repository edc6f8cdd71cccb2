/**
 * The geometry of a 2-D convolution's gradients (internal to the wasm training kernels): when a
 * gradient can be computed as one forward convolution on the fast XNNPACK path, and with which
 * explicit padding.
 */
import { backend_util } from '@tensorflow/tfjs-core';

/** Explicit NHWC padding as tfjs's conv ops accept it. */
export type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];

/** Forward convolution geometry computed by tfjs itself (stride, padding, shapes). */
export type ConvInfo = backend_util.Conv2DInfo;

/**
 * The forward geometry of a conv whose input has `xShape`, filter `filterShape` (NHWC / HWIO).
 */
export function forwardConvInfo(
  xShape: [number, number, number, number],
  filterShape: [number, number, number, number],
  strides: [number, number] | number,
  pad: backend_util.Conv2DInfo['padInfo']['type'] | 'valid' | 'same' | number | ExplicitPadding,
  dimRoundingMode: 'floor' | 'round' | 'ceil' | undefined,
): ConvInfo {
  // `computeConv2DInfo` accepts explicit padding arrays and the 'valid'/'same' strings.
  const padArg = pad as Parameters<typeof backend_util.computeConv2DInfo>[4];
  return backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, padArg, dimRoundingMode, false, 'channelsLast');
}

/** True when the fast formulations apply: unit strides and dilations, NHWC. */
export function isUnitStride(info: ConvInfo): boolean {
  return info.strideHeight === 1 && info.strideWidth === 1 && info.dilationHeight === 1 && info.dilationWidth === 1 && info.dataFormat === 'channelsLast';
}
