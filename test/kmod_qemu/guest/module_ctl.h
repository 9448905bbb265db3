/* Loading and unloading the falco module from the guest's test program (no modprobe there). */
#ifndef KMOD_GUEST_MODULE_CTL_H
#define KMOD_GUEST_MODULE_CTL_H

/* Loads the module file `path` with module parameters `params` ("" for none): 0 or -errno. */
int module_load(const char *path, const char *params);

/* Unloads the falco module; `nonblocking` fails at once (EWOULDBLOCK/EBUSY) while it is in use
 * instead of waiting. 0 or -errno. */
int module_unload(int nonblocking);

#endif
