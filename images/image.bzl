"""Bootable images: the kernel plus a boot archive, for one architecture.

`os_image` builds everything for the architecture named in `arch` through a
configuration transition, so one `bazel build` can produce images for every
architecture at once (`//images:all`). The architecture-specific packing
(ISO, flat Image, ...) is hal/<arch>/make_image.sh; this rule only wires it.
"""

load("//services:defs.bzl", "ServiceInfo")
load("//toolchains:architectures.bzl", "kernel_platform", "user_platform")

def _kernel_transition_impl(settings, attr):
    return {"//command_line_option:platforms": kernel_platform(attr.arch)}

def _user_transition_impl(settings, attr):
    return {"//command_line_option:platforms": user_platform(attr.arch)}

# The kernel (and the HAL's image packer) build for bare metal, the boot
# archive's programs for Cairn user space, both for the image's `arch`.
_kernel_transition = transition(
    implementation = _kernel_transition_impl,
    inputs = [],
    outputs = ["//command_line_option:platforms"],
)

_user_transition = transition(
    implementation = _user_transition_impl,
    inputs = [],
    outputs = ["//command_line_option:platforms"],
)

ImageInfo = provider(
    doc = "A bootable image directory (kernel.elf, boot archive, qemu.env, ...).",
    fields = {"arch": "architecture name", "directory": "the image's tree artifact"},
)

def _manifest(ctx):
    manifest = ctx.actions.declare_file(ctx.label.name + ".manifest")
    lines = [
        "# Cairn boot manifest: the programs in this boot archive.",
        "arch " + ctx.attr.arch,
    ] + ["program " + name for name in ctx.attr.programs.values()]
    lines += ["program " + service[ServiceInfo].program_name for service in ctx.attr.services]
    ctx.actions.write(manifest, "\n".join(lines) + "\n")
    return manifest

# etc/services: the service manager's manifest, one line per service in
# the order of `services` (so the name server, listed first, starts first).
def _services_manifest(ctx):
    services = ctx.actions.declare_file(ctx.label.name + ".services")
    lines = ["# The services of this image (services/service_manager/manifest.h)."]
    names = {}
    for target in ctx.attr.services:
        info = target[ServiceInfo]
        if info.name in names:
            fail("service %r listed twice (%s)" % (info.name, target.label))
        names[info.name] = True
        lines.append(info.manifest_line)
    ctx.actions.write(services, "\n".join(lines) + "\n")
    return services

def _os_image_impl(ctx):
    manifest = _manifest(ctx)
    bootfs = ctx.actions.declare_file(ctx.label.name + ".bootfs.cpio")
    services = _services_manifest(ctx)
    entries = ["boot/manifest=" + manifest.path, "etc/services=" + services.path]
    program_files = []
    bin_names = {}
    for target, name in ctx.attr.programs.items():
        files = target.files.to_list()
        if len(files) != 1:
            fail("program %s must be exactly one file" % target.label)
        entries.append("bin/%s=%s" % (name, files[0].path))
        program_files.append(files[0])
        bin_names[name] = True
    for target in ctx.attr.services:
        info = target[ServiceInfo]
        if info.program_name in bin_names:
            fail("bin/%s comes from PROGRAMS and from %s" % (info.program_name, target.label))
        bin_names[info.program_name] = True
        entries.append("bin/%s=%s" % (info.program_name, info.program.path))
        program_files.append(info.program)
    ctx.actions.run(
        executable = ctx.executable._mkbootfs,
        arguments = ["--output", bootfs.path] + entries,
        inputs = [manifest, services] + program_files,
        outputs = [bootfs],
        mnemonic = "MakeBootfs",
        progress_message = "Packing boot archive for %s" % ctx.attr.arch,
    )

    kernel = ctx.file.kernel
    directory = ctx.actions.declare_directory(ctx.label.name)
    ctx.actions.run(
        executable = ctx.file._make_image,
        arguments = [directory.path, kernel.path, bootfs.path, ctx.file._objcopy.path],
        inputs = [kernel, bootfs, ctx.file._objcopy],
        outputs = [directory],
        mnemonic = "MakeImage",
        progress_message = "Making the %s image" % ctx.attr.arch,
        use_default_shell_env = True,
    )
    return [
        DefaultInfo(files = depset([directory]), runfiles = ctx.runfiles(files = [directory])),
        ImageInfo(arch = ctx.attr.arch, directory = directory),
    ]

os_image = rule(
    implementation = _os_image_impl,
    doc = "The kernel and a boot archive of `programs`, packed to boot on `arch`.",
    attrs = {
        "arch": attr.string(mandatory = True),
        "kernel": attr.label(allow_single_file = True, cfg = _kernel_transition, mandatory = True),
        "programs": attr.label_keyed_string_dict(
            cfg = _user_transition,
            doc = "User-space programs for the boot archive: label -> name under bin/.",
        ),
        "services": attr.label_list(
            cfg = _user_transition,
            providers = [ServiceInfo],
            doc = "os_service targets (`<name>_service`): bin/<program> and a line of etc/services each, in order.",
        ),
        "_make_image": attr.label(
            default = "//hal:make_image",
            allow_single_file = True,
            cfg = _kernel_transition,
        ),
        "_mkbootfs": attr.label(
            default = "//tools/mkbootfs",
            executable = True,
            cfg = "exec",
        ),
        "_objcopy": attr.label(
            default = "@llvm//:bin/llvm-objcopy",
            allow_single_file = True,
            cfg = "exec",
        ),
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
    },
)

def _qemu_runner_impl(ctx):
    image = ctx.attr.image[ImageInfo]
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(
        script,
        """#!/usr/bin/env bash
# Boots the {arch} image: bazel run {label} [-- run.sh options]
set -euo pipefail
runfiles="${{RUNFILES_DIR:-$0.runfiles}}/{workspace}"
exec "$runfiles/{runner}" "$runfiles/{image}" {default_args} "$@"
""".format(
            arch = image.arch,
            label = str(ctx.label),
            workspace = ctx.workspace_name,
            runner = ctx.file._runner.short_path,
            image = image.directory.short_path,
            default_args = " ".join(["'%s'" % arg for arg in ctx.attr.default_args]),
        ),
        is_executable = True,
    )
    runfiles = ctx.runfiles(files = [ctx.file._runner, image.directory])
    return [DefaultInfo(executable = script, runfiles = runfiles)]

qemu_runner = rule(
    implementation = _qemu_runner_impl,
    doc = "`bazel run` target that boots `image` in QEMU (options: tools/qemu/run.sh).",
    executable = True,
    attrs = {
        "image": attr.label(providers = [ImageInfo], mandatory = True),
        "default_args": attr.string_list(),
        "_runner": attr.label(default = "//tools/qemu:run.sh", allow_single_file = True),
    },
)
