"""User programs for Cairn: statically linked ELF executables.

    load("//user:program.bzl", "cairn_program")

    cairn_program(
        name = "hello",
        srcs = ["hello.cc"],
        deps = [...],          # other cc_library targets (built for os:cairn)
    )

builds `hello` for the platform in effect: //toolchains:<arch>_cairn on the
command line (`--platforms=//toolchains:x86_64_cairn`), or through the
images' user transition when the label is in images/BUILD's PROGRAMS. The
program links crt0, the runtime (//user/runtime) and picolibc; its entry is
_start, its image starts at 0x400000, and it is static, non-PIE, with one
load segment per permission (R, RX, RW: W^X).
"""

load("//toolchains:architectures.bzl", "ARCHITECTURES")

# Where the program's first load segment starts: page 0 and its neighbours
# stay unmapped (null pointers fault), and the range below is left to the
# regions the kernel places by itself.
IMAGE_BASE = "0x400000"

PROGRAM_LINKOPTS = [
    "-Wl,-e,_start",
    "-Wl,--image-base=" + IMAGE_BASE,
    "-Wl,-z,noexecstack",
    # A separate page per segment: text never shares a page with read-only
    # data or the ELF headers, so each page has exactly one permission.
    "-Wl,-z,separate-code",
]

def select_per_user_architecture(template, default):
    """A select() over the user-space target CPU (like toolchains' select_per_architecture).

    Args:
      template: a string, or a list of strings, with `{arch}` in it.
      default: the value for every other platform (the host).
    """
    branches = {}
    for arch in ARCHITECTURES:
        if type(template) == "list":
            branches["//user:%s_cairn" % arch] = [item.format(arch = arch) for item in template]
        else:
            branches["//user:%s_cairn" % arch] = template.format(arch = arch)
    branches["//conditions:default"] = default
    return select(branches)

def cairn_program(name, srcs = [], deps = [], copts = [], linkopts = [], **kwargs):
    """A statically linked Cairn user program (a cc_binary for os:cairn).

    Args:
      name: the program; its file is `name` in the package's output folder.
      srcs: C and C++ sources (and private headers).
      deps: cc_library dependencies; the runtime and picolibc come with it.
      copts: extra compiler flags.
      linkopts: extra linker flags.
      **kwargs: passed on to cc_binary (visibility, tags, ...).
    """
    native.cc_binary(
        name = name,
        srcs = srcs,
        deps = deps + ["//user/runtime"],
        copts = copts,
        linkopts = PROGRAM_LINKOPTS + linkopts,
        linkstatic = True,
        target_compatible_with = ["//toolchains:cairn"],
        **kwargs
    )
