#!/usr/bin/env bash
# Runs the Q3 sweep on the GPU machine side by side: PyTorch (torch_q3.py, CUDA) then gradproof's
# webgpu engine (the bundled trainer on Dawn/Vulkan), same data, model, batch, epochs; prints
# both logs and the ratio (compare.py). Needs only python3 with PyTorch and NVIDIA's driver there;
# Node.js, the trainer, dawn.node, the Vulkan loader and the data come in the payload built by
# build-payload.sh.
#
# Usage (repository root):  bash bench/gpu/run-on-gpu.sh [PAYLOAD_DIR] [--smoke]
#   PAYLOAD_DIR  default .cache/gpu-payload
#   --smoke      a few batches of one configuration, any adapter (the local check)
# Environment: EPOCHS (2), BATCH (128), CONFIGS (the six Q3 configurations), BUDGET_S (12: time
#   cap of each epoch and of each test evaluation; a capped epoch reports its rate and is marked
#   partial), STEP_TIMEOUT_S (280: hard cap of each trainer), RESIDENT (1: both keep the training
#   set on the device instead of uploading each batch), PYTHON (the python with PyTorch).
#   Results (pytorch.jsonl, webgpu.jsonl, summary.txt) are also written to $OUT when it is set.
set -uo pipefail
cd "$(dirname "$0")/../.."
here=bench/gpu
payload=.cache/gpu-payload
smoke=0
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=1 ;;
    *) payload=$arg ;;
  esac
done
payload=$(cd "$payload" && pwd) || { echo "run-on-gpu: no payload folder; run bench/gpu/build-payload.sh first"; exit 2; }

EPOCHS=${EPOCHS:-2}
BATCH=${BATCH:-128}
BUDGET_S=${BUDGET_S:-12}
CONFIGS=${CONFIGS:-leaky:-1,leaky:-0.5,leaky:0,leaky:0.5,leaky:1,prelu}
STEP_TIMEOUT_S=${STEP_TIMEOUT_S:-280}
common=(--epochs "$EPOCHS" --batch "$BATCH" --budget-s "$BUDGET_S" --configs "$CONFIGS")
webgpu_extra=(--require-hardware)
[ "${RESIDENT:-0}" = 1 ] && common+=(--resident)
if [ "$smoke" = 1 ]; then
  common=(--epochs 1 --batch 32 --limit 48 --configs leaky:-0.5)
  webgpu_extra=()
fi

# The Python that has PyTorch (PYTHON overrides): python3 on PATH first, then the system's.
if [ -z "${PYTHON:-}" ]; then
  for candidate in python3 /usr/bin/python3 python; do
    if "$candidate" -c 'import torch' >/dev/null 2>&1; then PYTHON=$candidate; break; fi
  done
fi
PYTHON=${PYTHON:-python3}

work=$(mktemp -d)
results=${OUT:-$work}
echo "== machine"
uname -srm
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || echo "nvidia-smi: not available"
"$PYTHON" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())' 2>&1 | tail -1

echo "== unpacking $payload"
"$PYTHON" - "$payload" "$work" <<'PY'
import lzma, os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
for rel in ["node.xz", "trainer.mjs.xz", "dist/linux-x64/dawn.node.xz"]:
    out = os.path.join(dst, rel[:-3])
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with lzma.open(os.path.join(src, rel)) as f, open(out, "wb") as g:
        shutil.copyfileobj(f, g)
os.chmod(os.path.join(dst, "node"), 0o755)
PY
"$work/node" --version || { echo "run-on-gpu: the shipped Node binary does not run here"; exit 1; }

# Vulkan: the loader from the system, else the shipped one; NVIDIA's ICD manifest, else one
# written for libGLX_nvidia.so.0 (containers often mount the library without the manifest).
ldconfig_cmd=$(command -v ldconfig || echo /sbin/ldconfig)
has_lib() { "$ldconfig_cmd" -p 2>/dev/null | grep -q "$1"; }
if ! has_lib 'libvulkan.so.1' && [ -f "$payload/lib/libvulkan.so.1" ]; then
  export LD_LIBRARY_PATH="$payload/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  echo "vulkan loader: shipped libvulkan.so.1"
else
  echo "vulkan loader: $("$ldconfig_cmd" -p 2>/dev/null | grep -m1 'libvulkan.so.1' || echo 'none')"
fi
icds=$(ls /usr/share/vulkan/icd.d/*.json /etc/vulkan/icd.d/*.json /usr/local/share/vulkan/icd.d/*.json 2>/dev/null | tr '\n' ' ')
echo "vulkan ICDs: ${icds:-none}"
if ! echo "$icds" | grep -q nvidia && has_lib 'libGLX_nvidia.so.0'; then
  printf '{"file_format_version":"1.0.0","ICD":{"library_path":"libGLX_nvidia.so.0","api_version":"1.3.0"}}\n' > "$work/nvidia_icd.json"
  export VK_ICD_FILENAMES="$work/nvidia_icd.json" VK_DRIVER_FILES="$work/nvidia_icd.json"
  echo "vulkan ICD: wrote $work/nvidia_icd.json for libGLX_nvidia.so.0"
fi
echo "NVIDIA EGL: $("$ldconfig_cmd" -p 2>/dev/null | grep -m1 'libEGL_nvidia' || echo 'none')"

echo "== PyTorch"
timeout "$STEP_TIMEOUT_S" "$PYTHON" "$here/torch_q3.py" --data "$payload/data" "${common[@]}" | tee "$results/pytorch.jsonl"
echo "== gradproof webgpu"
timeout "$STEP_TIMEOUT_S" "$work/node" "$work/trainer.mjs" --data "$payload/data" "${common[@]}" "${webgpu_extra[@]}" \
  2> >(grep -v 'artificially reduced' >&2) | tee "$results/webgpu.jsonl"
echo "== side by side"
"$PYTHON" "$here/compare.py" "$results/pytorch.jsonl" "$results/webgpu.jsonl" | tee "$results/summary.txt"
