"""boot_test: boots an image in QEMU and asserts on the serial console."""

load("//images:image.bzl", "ImageInfo")

def _shell_quote(argument):
    return "'" + argument.replace("'", "'\\''") + "'"

def _boot_test_impl(ctx):
    image = ctx.attr.image[ImageInfo]
    checks = []
    for pattern in ctx.attr.expect:
        checks += ["--expect", pattern]
    for pattern in ctx.attr.reject:
        checks += ["--reject", pattern]
    if ctx.attr.cpus:
        checks += ["--cpus", str(ctx.attr.cpus)]
    if ctx.attr.ram_mib:
        checks += ["--ram-mib", str(ctx.attr.ram_mib)]
    if ctx.attr.until:
        checks += ["--until", ctx.attr.until]
    if ctx.attr.power_off:
        checks.append("--power-off")
    if ctx.attr.timeout_seconds:
        checks += ["--timeout", str(ctx.attr.timeout_seconds)]
    if ctx.attr.serial_input:
        checks += ["--serial-input", ctx.attr.serial_input]
    if ctx.attr.serial_input_after:
        checks += ["--serial-input-after", ctx.attr.serial_input_after]
    if ctx.attr.serial_steps and not ctx.attr.serial_input:
        fail("serial_steps come after serial_input: set serial_input too")
    for pattern, text in ctx.attr.serial_steps.items():
        checks += ["--serial-step", pattern, text]
    run_args = ["--smp", str(ctx.attr.cpus or 2), "--memory", "%dM" % (ctx.attr.ram_mib or 512)]
    if ctx.attr.command_line:
        run_args += ["--append", ctx.attr.command_line]
    run_args += ctx.attr.run_args

    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(
        script,
        """#!/usr/bin/env bash
# {arch}: {label}
runfiles="${{RUNFILES_DIR:-$0.runfiles}}/{workspace}"
exec "$runfiles/{harness}" "$runfiles/{runner}" "$runfiles/{image}" {checks} -- {run_args}
""".format(
            arch = image.arch,
            label = str(ctx.label),
            workspace = ctx.workspace_name,
            harness = ctx.file._harness.short_path,
            runner = ctx.file._runner.short_path,
            image = image.directory.short_path,
            checks = " ".join([_shell_quote(c) for c in checks]),
            run_args = " ".join([_shell_quote(a) for a in run_args]),
        ),
        is_executable = True,
    )
    runfiles = ctx.runfiles(files = [ctx.file._harness, ctx.file._runner, image.directory])
    return [DefaultInfo(executable = script, runfiles = runfiles)]

boot_test = rule(
    implementation = _boot_test_impl,
    test = True,
    doc = "Boots `image` (TCG, headless) and checks the kernel's console output.",
    attrs = {
        "image": attr.label(providers = [ImageInfo], mandatory = True),
        "command_line": attr.string(doc = "Kernel command line; boots the kernel directly."),
        "cpus": attr.int(doc = "CPUs to give QEMU; the kernel must report exactly this many."),
        "ram_mib": attr.int(doc = "RAM to give QEMU; the kernel's total must match."),
        "expect": attr.string_list(doc = "Regexes (grep -E) that must match a console line."),
        "reject": attr.string_list(doc = "Regexes no console line may match."),
        "until": attr.string(doc = "Stop QEMU when this appears (kernels that idle)."),
        "power_off": attr.bool(doc = "QEMU must exit by itself: the kernel powered off."),
        "run_args": attr.string_list(doc = "More tools/qemu/run.sh options."),
        "timeout_seconds": attr.int(doc = "Give QEMU this long (default 45 s)."),
        "serial_input": attr.string(
            doc = "Bytes typed into the guest's serial port (its receive side), once; " +
                  "e.g. for a user-space UART driver's interrupt test.",
        ),
        "serial_input_after": attr.string(
            doc = "Send serial_input only once a console line matches this regex " +
                  "(grep -E); default: at once.",
        ),
        "serial_steps": attr.string_dict(
            doc = "More typing, in order, each after the previous: regex (grep -E) -> " +
                  "the bytes to type once a console line matches it.",
        ),
        "_harness": attr.label(default = ":boot_test.sh", allow_single_file = True),
        "_runner": attr.label(default = "//tools/qemu:run.sh", allow_single_file = True),
    },
)

def two_numa_nodes(node0_cpus, node1_cpus, megabytes = 512):
    """run_args for a machine of two NUMA nodes of `megabytes` each.

    Args:
      node0_cpus: QEMU CPU range of node 0 ("0", "0-1"); the boot CPU is 0.
      node1_cpus: node 1's ("1", "2-3").
      megabytes: RAM per node (the test's ram_mib is twice this).

    Returns:
      The list for boot_test's run_args.
    """
    size = "size=%dM" % megabytes
    return [
        "--",
        "-object",
        "memory-backend-ram,id=m0," + size,
        "-object",
        "memory-backend-ram,id=m1," + size,
        "-numa",
        "node,nodeid=0,cpus=%s,memdev=m0" % node0_cpus,
        "-numa",
        "node,nodeid=1,cpus=%s,memdev=m1" % node1_cpus,
    ]
