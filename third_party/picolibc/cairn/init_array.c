/*
 * __libc_init_array for Cairn: replaces upstream misc/init.c.
 *
 * Upstream's version (without __INIT_FINI_FUNCS) walks one range,
 * __bothinit_array_start..__bothinit_array_end, which only picolibc's own
 * linker script defines. Cairn programs are linked by lld without that
 * script; lld defines the standard __preinit_array_* and __init_array_*
 * bounds instead (equal when a section is absent), so run those two ranges,
 * in that order, as the ELF gABI prescribes.
 */

#include <sys/_initfini.h>

void
__libc_init_array(void)
{
    for (void (**fn)(void) = __preinit_array_start; fn != __preinit_array_end; ++fn)
        (*fn)();
    for (void (**fn)(void) = __init_array_start; fn != __init_array_end; ++fn)
        (*fn)();
}
