"""The architectures the OS targets: one entry here, one folder under hal/.

Everything that needs "for each architecture" (toolchains, HAL selection,
images, runners, boot tests) iterates over this list.
"""

ARCHITECTURES = ["x86_64", "aarch64", "riscv64"]

def kernel_platform(arch):
    """The platform the kernel of `arch` is built for: bare metal."""
    return "//toolchains:%s_none" % arch

def user_platform(arch):
    """The platform user-space programs of `arch` are built for: Cairn."""
    return "//toolchains:%s_cairn" % arch

def select_per_architecture(template, default):
    """A select() over the target CPU: template.format(arch = ...) per architecture.

    `default` serves every other platform (the host), so that host builds of
    `//...` can analyse bare-metal-only targets before skipping them.
    """
    branches = {"//toolchains:%s_target" % arch: template.format(arch = arch) for arch in ARCHITECTURES}
    branches["//conditions:default"] = default
    return select(branches)
