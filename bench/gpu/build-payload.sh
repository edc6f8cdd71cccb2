#!/usr/bin/env bash
# Builds what travels to the GPU machine (no Node.js, no network there, at most 64 MiB) into
# .cache/gpu-payload/ (git-ignored), from the repository root:
#
#   trainer.mjs.xz                   bench/gpu/trainer.ts bundled by esbuild: tfjs-core, -layers,
#                                    -backend-webgpu and gradproof's training code in one file
#   dist/linux-x64/dawn.node.xz      Dawn's Node binding from the `webgpu` package (the bundle
#                                    loads it from dist/<platform>-<arch>/ beside itself)
#   node.xz                          this machine's Node binary (an official build: needs only glibc)
#   lib/libvulkan.so.1               the Vulkan loader (Debian libvulkan1), used only where the GPU
#                                    machine lacks one
#   data/*-idx?-ubyte.gz             the data set: Fashion-MNIST from Debian (same size and format
#                                    as MNIST) unless DATA_DIR names a folder of MNIST files
#   MANIFEST                         versions and sizes
#
# xz of the Node binary and of dawn.node takes minutes; both are cached in .cache/gpu-build/.
# Usage: bash bench/gpu/build-payload.sh        (then see bench/README.md, "GPU" section)
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=.cache/gpu-payload
CACHE=.cache/gpu-build
DATA_DIR=${DATA_DIR:-/usr/share/datasets/fashion-mnist}
LIMIT_BYTES=$((64 * 1024 * 1024))  # what the device tool carries, in all

mkdir -p "$CACHE"
rm -rf "$OUT"
mkdir -p "$OUT/dist/linux-x64" "$OUT/lib" "$OUT/data"

node_bin=$(readlink -f "$(command -v node)")
node_version=$(node --version)
webgpu_version=$(node -p "require('./node_modules/webgpu/package.json').version")
tfjs_version=$(node -p "require('./node_modules/@tensorflow/tfjs-backend-webgpu/package.json').version")

# 1. The trainer, one ESM file. CommonJS modules inside it (tfjs's Node builds) call require():
#    the banner gives the bundle a real one.
npx esbuild bench/gpu/trainer.ts --bundle --platform=node --format=esm --target=node20 \
  --minify --legal-comments=none --log-level=warning \
  "--banner:js=import { createRequire as __gpCreateRequire } from 'node:module'; const require = __gpCreateRequire(import.meta.url);" \
  --outfile="$CACHE/trainer.mjs"
xz -9 -T1 -c "$CACHE/trainer.mjs" > "$OUT/trainer.mjs.xz"

# 2. dawn.node and node, compressed once per version.
dawn_xz="$CACHE/dawn-$webgpu_version.node.xz"
[ -s "$dawn_xz" ] || { xz -9e -T1 -c node_modules/webgpu/dist/linux-x64/dawn.node > "$dawn_xz.tmp" && mv -f "$dawn_xz.tmp" "$dawn_xz"; }
cp "$dawn_xz" "$OUT/dist/linux-x64/dawn.node.xz"
node_xz="$CACHE/node-$node_version.xz"
[ -s "$node_xz" ] || { xz -9e -T1 -c "$node_bin" > "$node_xz.tmp" && mv -f "$node_xz.tmp" "$node_xz"; }
cp "$node_xz" "$OUT/node.xz"

# 3. The Vulkan loader (optional: the GPU machine may have its own).
vulkan_deb=$(ls "$CACHE"/libvulkan1_*.deb 2>/dev/null | head -1 || true)
if [ -z "$vulkan_deb" ]; then
  (cd "$CACHE" && apt-get download libvulkan1 >/dev/null 2>&1) || echo "build-payload: apt-get download libvulkan1 failed; the GPU machine must have libvulkan1"
  vulkan_deb=$(ls "$CACHE"/libvulkan1_*.deb 2>/dev/null | head -1 || true)
fi
if [ -n "$vulkan_deb" ]; then
  rm -rf "$CACHE/vulkan" && mkdir -p "$CACHE/vulkan"
  dpkg-deb -x "$vulkan_deb" "$CACHE/vulkan"
  cp -L "$CACHE"/vulkan/usr/lib/x86_64-linux-gnu/libvulkan.so.1 "$OUT/lib/libvulkan.so.1"
fi

# 4. The data: IDX files, gzip-compressed (both trainers read .gz directly).
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  if [ -f "$DATA_DIR/$f.gz" ]; then cp "$DATA_DIR/$f.gz" "$OUT/data/"
  elif [ -f "$DATA_DIR/$f" ]; then gzip -9 -c "$DATA_DIR/$f" > "$OUT/data/$f.gz"
  else echo "build-payload: $DATA_DIR/$f(.gz) not found" >&2; exit 2; fi
done

total=$(find "$OUT" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
{
  echo "node $node_version (xz of $(stat -c %s "$node_bin") bytes)"
  echo "webgpu (dawn.node) $webgpu_version, tfjs $tfjs_version"
  echo "data $DATA_DIR"
  (cd "$OUT" && find . -type f ! -name MANIFEST -printf '%s\t%p\n' | sort -k2)
  echo "total $total bytes (limit $LIMIT_BYTES)"
} > "$OUT/MANIFEST"
cat "$OUT/MANIFEST"
if [ "$total" -ge "$LIMIT_BYTES" ]; then
  echo "build-payload: expected under $LIMIT_BYTES bytes, got $total" >&2
  exit 1
fi
