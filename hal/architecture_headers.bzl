"""The header-only libraries every hal/<arch>/BUILD declares the same way."""

def architecture_headers():
    """Declares :page_table_format and :cpu_inline for the calling hal/<arch> package.

    - page_table_format: mmu/page_table_format.h, the page-table entry format
      (header-only, so host tests and the boot assembly can use it too);
      hal/page_table_format.h selects the target's.
    - cpu_inline: include/hal/arch/*.h: cpu_inline.h, the inline part of
      hal/cpu.h, and thread_context.h, the ThreadContext of
      hal/thread_context.h. Only //hal:interface depends on it (for the
      target architecture); generic code includes the hal/*.h headers.
    """
    native.cc_library(
        name = "page_table_format",
        hdrs = ["mmu/page_table_format.h"],
        visibility = [
            "//hal:__subpackages__",
            "//kernel:__subpackages__",
        ],
        deps = ["//hal:interface"],
    )
    native.cc_library(
        name = "cpu_inline",
        hdrs = native.glob(["include/hal/arch/*.h"]),
        includes = ["include"],
        visibility = ["//hal:__pkg__"],
    )
