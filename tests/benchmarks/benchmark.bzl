"""release_image: an os_image rebuilt with `-c opt`, for benchmarks.

The kernel's only build-mode difference is the heap's debug checks (on
unless `-c opt`, see kernel/mm/heap/BUILD): they poison and verify every
object, which would swamp allocator figures. Benchmarks boot the release
kernel whatever the invocation's `-c`; `--define=kernel_debug_allocator=on`
still turns the checks back on, to measure what they cost.
"""

load("//images:image.bzl", "ImageInfo")

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
