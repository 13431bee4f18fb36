/*
 * Calls the program's main. The toolchain compiles with -ffreestanding, where
 * main is an ordinary function: C++ mangles it (int main(int, char**) is
 * _Z4mainiPPc, int main() is _Z4mainv), C does not. Each form is a weak
 * reference here, and exactly one of them is defined by the program.
 */
#include <stddef.h>

extern int c_main(int argc, char** argv) __asm__("main") __attribute__((weak));
extern int cxx_main(int argc, char** argv) __asm__("_Z4mainiPPc") __attribute__((weak));
extern int cxx_main_void(void) __asm__("_Z4mainv") __attribute__((weak));

int __cairn_call_main(int argc, char** argv) {
    if (cxx_main != NULL) return cxx_main(argc, argv);
    if (cxx_main_void != NULL) return cxx_main_void();
    if (c_main != NULL) return c_main(argc, argv);
    return 127; /* the program defines no main */
}
