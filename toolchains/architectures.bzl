"""The architectures the OS targets: one entry here, one folder under hal/.

Everything that needs "for each architecture" (toolchains, HAL selection,
images, runners, boot tests) iterates over this list.
"""

ARCHITECTURES = ["x86_64", "aarch64", "riscv64"]

def platform_label(arch):
    return "//toolchains:%s_none" % arch

def select_per_architecture(make):
    """A select() over the target CPU: make(arch) for each architecture.

    The default branch is empty so that host builds of `//...` can analyse
    bare-metal-only targets before skipping them as incompatible.
    """
    branches = {"@platforms//cpu:" + arch: make(arch) for arch in ARCHITECTURES}
    branches["//conditions:default"] = []
    return select(branches)
