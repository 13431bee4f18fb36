"""ipc_interface: a .proto interface as a cc_library of generated stubs.

    load("//ipc:defs.bzl", "ipc_interface")

    ipc_interface(
        name = "echo_ipc",
        srcs = ["echo.proto"],
        deps = [],                      # other ipc_interface targets it imports
        baseline = "echo.api",          # optional: the compatibility baseline
    )

makes
  :echo_ipc           cc_library with echo.ipc.h / echo.ipc.cc (host and Cairn targets)
  :echo_ipc_proto     proto_library (ipc/handle.proto, ipc/options.proto come with it)
  :echo_ipc_api       the interface summary echo.ipc.api (a file)
  :echo_ipc_fuzz_test  libFuzzer + ASan over every message type's decoder (a
                      canonical round trip) and every service's dispatch (on a
                      generated stub server) and client reply decoding; a
                      bounded run in `bazel test`, longer with
                      `bazel run :echo_ipc_fuzz_test -- -runs=10000000`
and, with `baseline`:
  :echo_ipc_compat_test     fails on a breaking change against the baseline
  :echo_ipc_update_baseline `bazel run` it to accept the current interface
"""

_PLUGIN = "//ipc/compiler:protoc-gen-cairnipc"

IpcGeneratedInfo = provider(
    doc = "The generated .ipc.h/.ipc.cc of an interface and of the ones it imports.",
    fields = {"code": "depset of File"},
)

def _stem(src):
    return src.basename[:-len(".proto")] if src.basename.endswith(".proto") else src.basename

def _ipc_generate_impl(ctx):
    info = ctx.attr.proto[ProtoInfo]
    outputs = []
    for src in info.direct_sources:
        for suffix in [".ipc.h", ".ipc.cc", ".ipc.api", ".ipc.fuzz.cc"]:
            outputs.append(ctx.actions.declare_file(_stem(src) + suffix))
    descriptor_sets = info.transitive_descriptor_sets.to_list()
    arguments = [
        "--plugin=protoc-gen-cairnipc=" + ctx.executable._plugin.path,
        "--cairnipc_out=" + ctx.bin_dir.path,
        "--descriptor_set_in=" + ":".join([d.path for d in descriptor_sets]),
    ] + [src.short_path for src in info.direct_sources]
    ctx.actions.run(
        executable = ctx.executable._protoc,
        arguments = arguments,
        inputs = descriptor_sets,
        tools = [ctx.executable._plugin],
        outputs = outputs,
        mnemonic = "IpcGenerate",
        progress_message = "Generating IPC stubs for %s" % ctx.label,
    )
    code = depset(
        [f for f in outputs if f.basename.endswith(".ipc.h") or f.basename.endswith(".ipc.cc")],
        transitive = [d[IpcGeneratedInfo].code for d in ctx.attr.deps],
    )
    return [
        DefaultInfo(files = depset(outputs)),
        IpcGeneratedInfo(code = code),
        OutputGroupInfo(
            headers = depset([f for f in outputs if f.basename.endswith(".ipc.h")]),
            sources = depset([f for f in outputs if f.basename.endswith(".ipc.cc")]),
            api = depset([f for f in outputs if f.basename.endswith(".ipc.api")]),
            fuzz = depset([f for f in outputs if f.basename.endswith(".ipc.fuzz.cc")]),
            # What the fuzz test compiles with its own flags: this interface's
            # code and that of every interface it imports.
            fuzz_closure = code,
        ),
    ]

ipc_generate = rule(
    implementation = _ipc_generate_impl,
    doc = "Runs protoc with the Cairn IDL plugin over a proto_library's own sources.",
    attrs = {
        "proto": attr.label(providers = [ProtoInfo]),
        "deps": attr.label_list(providers = [IpcGeneratedInfo]),
        "_plugin": attr.label(default = _PLUGIN, executable = True, cfg = "exec"),
        "_protoc": attr.label(
            default = "@com_google_protobuf//:protoc",
            executable = True,
            allow_single_file = True,
            cfg = "exec",
        ),
    },
)

def _compat_script_impl(ctx):
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    if ctx.attr.update:
        body = """#!/usr/bin/env bash
# Accepts the current interface: copies it over the checked-in baseline.
set -euo pipefail
runfiles="${{RUNFILES_DIR:-$0.runfiles}}/{workspace}"
cp "$runfiles/{current}" "${{BUILD_WORKSPACE_DIRECTORY:?run with bazel run}}/{baseline}"
chmod 644 "$BUILD_WORKSPACE_DIRECTORY/{baseline}"
echo "updated {baseline}"
"""
    else:
        body = """#!/usr/bin/env bash
# Fails on a breaking change of {baseline}'s interface.
runfiles="${{RUNFILES_DIR:-$0.runfiles}}/{workspace}"
exec "$runfiles/{checker}" "$runfiles/{baseline}" "$runfiles/{current}" "{update}"
"""
    ctx.actions.write(script, body.format(
        workspace = ctx.workspace_name,
        checker = ctx.executable._checker.short_path,
        baseline = ctx.file.baseline.short_path,
        current = ctx.file.current.short_path,
        update = "bazel run //%s:%s_update_baseline" % (ctx.label.package, ctx.attr.interface),
    ), is_executable = True)
    files = [ctx.file.baseline, ctx.file.current, ctx.executable._checker]
    runfiles = ctx.runfiles(files = files).merge(ctx.attr._checker[DefaultInfo].default_runfiles)
    return [DefaultInfo(executable = script, runfiles = runfiles)]

_COMPAT_ATTRS = {
    "baseline": attr.label(allow_single_file = True),
    "current": attr.label(allow_single_file = True),
    "interface": attr.string(),
    "update": attr.bool(),
    "_checker": attr.label(default = "//tools/idl_compat", executable = True, cfg = "exec"),
}

ipc_compat_test = rule(
    implementation = _compat_script_impl,
    test = True,
    attrs = _COMPAT_ATTRS,
)

ipc_update_baseline = rule(
    implementation = _compat_script_impl,
    executable = True,
    attrs = _COMPAT_ATTRS,
)

def ipc_interface(name, srcs, deps = [], baseline = None, visibility = None):
    """A .proto IDL interface compiled into a freestanding cc_library.

    Args:
      name: the cc_library (also the prefix of the other targets).
      srcs: .proto files (proto3, the conventions of ipc/README.md).
      deps: other ipc_interface targets whose .proto files these import.
      baseline: the checked-in interface summary for the compatibility test.
      visibility: of the cc_library and the proto_library.
    """
    native.proto_library(
        name = name + "_proto",
        srcs = srcs,
        deps = [d + "_proto" for d in deps] + ["//ipc:handle_proto", "//ipc:options_proto"],
        visibility = visibility,
    )
    ipc_generate(
        name = name + "_generated",
        proto = ":" + name + "_proto",
        deps = [d + "_generated" for d in deps],
        # Importers in other packages read it (their fuzz test's sources).
        visibility = visibility,
    )
    for group in ["headers", "sources", "api", "fuzz", "fuzz_closure"]:
        native.filegroup(
            name = "%s_%s" % (name, group),
            srcs = [":" + name + "_generated"],
            output_group = group,
            visibility = visibility,
        )
    native.cc_library(
        name = name,
        srcs = [":" + name + "_sources"],
        hdrs = [":" + name + "_headers"],
        deps = deps + ["//ipc/runtime"],
        visibility = visibility,
    )

    # The fuzzer: the generated code and the runtime compiled here with the
    # fuzzer's coverage instrumentation and AddressSanitizer (so not the
    # cc_library above, whose runtime would be linked twice).
    ipc_fuzz_test(
        name = name + "_fuzz_test",
        srcs = [
            ":%s_fuzz" % name,
            ":%s_fuzz_closure" % name,
            "//ipc/runtime:fuzz_sources",
        ],
    )
    if baseline:
        ipc_compat_test(
            name = name + "_compat_test",
            size = "small",
            baseline = baseline,
            current = ":" + name + "_api",
            interface = name,
            target_compatible_with = ["@platforms//os:linux"],
        )
        ipc_update_baseline(
            name = name + "_update_baseline",
            baseline = baseline,
            current = ":" + name + "_api",
            interface = name,
            update = True,
            tags = ["manual"],
        )

def ipc_fuzz_test(name, srcs, runs = 50000):
    """A libFuzzer test (ASan) of IDL code on the host: `runs` inputs, seed 1.

    Args:
      name: the cc_test.
      srcs: the fuzz entry and everything it compiles with the fuzzer's
        flags (generated sources, //ipc/runtime:host_sources, ...).
      runs: inputs per `bazel test` (more: bazel run <name> -- -runs=N).
    """
    native.cc_test(
        name = name,
        size = "small",
        srcs = srcs,
        args = [
            "-runs=%d" % runs,
            "-seed=1",
        ],
        copts = ["-fsanitize=fuzzer,address"],
        env = {"ASAN_OPTIONS": "detect_leaks=0"},
        # lld: gold warns about every ASan helper symbol.
        linkopts = [
            "-fsanitize=fuzzer,address",
            "-fuse-ld=lld",
        ],
        target_compatible_with = ["@platforms//os:linux"],
        deps = ["//ipc/runtime:headers"],
    )
