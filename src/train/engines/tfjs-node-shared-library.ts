/**
 * Asking the dynamic linker whether a shared library can be opened, without a native addon of
 * our own: `process.dlopen` first calls `dlopen(3)` with the name as given (so the normal search
 * path, `LD_LIBRARY_PATH` and ld.so.cache apply), then looks for a Node module registration.
 * A library that opens but is not a Node addon fails with "Module did not self-register", which
 * therefore means "found"; any other failure carries the linker's own reason.
 *
 * Used to say exactly which CUDA/cuDNN library tfjs-node-gpu lacks and whether the Vulkan loader
 * exists, before loading anything that would print its own noise.
 *
 * @internal
 */

/** The text Node uses when `dlopen` succeeded but the library registered no Node module. */
const OPENED_BUT_NOT_AN_ADDON = 'did not self-register';

/** The dlopen step, injectable for tests of the classification; defaults to `process.dlopen`. */
export type DlopenFunction = (module: { exports: unknown }, filename: string) => void;

/**
 * Tries to open `soname` (e.g. `libcudart.so.11.0`). Returns `undefined` when the library can be
 * opened, otherwise the linker's reason (e.g. "libcudart.so.11.0: cannot open shared object file:
 * No such file or directory").
 */
export function sharedLibraryError(soname: string, dlopen: DlopenFunction = process.dlopen): string | undefined {
  try {
    dlopen({ exports: {} }, soname);
    return undefined; // a real Node addon: certainly loadable
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.includes(OPENED_BUT_NOT_AN_ADDON) ? undefined : message;
  }
}

/** True when the dynamic linker can open `soname`. */
export function canOpenSharedLibrary(soname: string, dlopen?: DlopenFunction): boolean {
  return sharedLibraryError(soname, dlopen) === undefined;
}
