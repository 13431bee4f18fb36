"""release_image: an os_image rebuilt with `-c opt`, for benchmarks;
icount_benchmark: its runners under -icount on every architecture.

The kernel's only build-mode difference is the heap's debug checks (on
unless `-c opt`, see kernel/mm/heap/BUILD): they poison and verify every
object, which would swamp allocator figures. Benchmarks boot the release
kernel whatever the invocation's `-c`; `--define=kernel_debug_allocator=on`
still turns the checks back on, to measure what they cost.
"""

load("//images:image.bzl", "ImageInfo", "qemu_runner")
load("//toolchains:architectures.bzl", "ARCHITECTURES")

def _release_transition_impl(settings, attr):
    return {"//command_line_option:compilation_mode": "opt"}

_release_transition = transition(
    implementation = _release_transition_impl,
    inputs = [],
    outputs = ["//command_line_option:compilation_mode"],
)

def _release_image_impl(ctx):
    # An attribute with an outgoing transition is a list in ctx.attr.
    image = ctx.attr.image[0]
    return [image[DefaultInfo], image[ImageInfo]]

release_image = rule(
    implementation = _release_image_impl,
    doc = "`image` (an os_image) built with compilation_mode opt.",
    attrs = {
        "image": attr.label(providers = [ImageInfo], mandatory = True, cfg = _release_transition),
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
    },
)

def icount_benchmark(name, command_line, cpus = 1, table = True):
    """`<name>_<arch>` runners booting `:<arch>_release_image` with
    `command_line` under TCG and `-icount shift=0,sleep=off` (guest
    instructions as the clock), and with `table`, `<name>_all`, all.sh over
    the three. Every target is manual (see BUILD)."""
    for arch in ARCHITECTURES:
        qemu_runner(
            name = name + "_" + arch,
            default_args = [
                "--headless",
                "--timeout",
                "300",
                "--smp",
                str(cpus),
                "--accel",
                "tcg",
                "--append",
                command_line,
                "--",
                "-icount",
                "shift=0,sleep=off",
            ],
            image = ":" + arch + "_release_image",
            tags = ["manual"],
        )
    if table:
        native.sh_binary(
            name = name + "_all",
            srcs = ["all.sh"],
            args = ["$(rootpath :%s_%s)" % (name, arch) for arch in ARCHITECTURES],
            data = [":%s_%s" % (name, arch) for arch in ARCHITECTURES],
            tags = ["manual"],
        )
