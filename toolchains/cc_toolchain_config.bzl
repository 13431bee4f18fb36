"""A bare-metal cc_toolchain configuration on the pinned LLVM (clang + ld.lld).

Each architecture has two toolchains, told apart by the platform's OS:
  * `os:none` - the kernel, running bare metal in supervisor mode: everything
    linked into it (kernel/lib included) gets the `kernel` flags of ARCH_FLAGS:
    no red zone and the kernel code model on x86_64, no FP/SIMD registers
    anywhere (the kernel does not save them);
  * `os:cairn` - user-space programs on Cairn: the same freestanding C++20
    (no exceptions, no RTTI, no host headers) with the ordinary user ABI.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load(
    "@bazel_tools//tools/cpp:cc_toolchain_config_lib.bzl",
    "feature",
    "flag_group",
    "flag_set",
    "tool_path",
    "with_feature_set",
)

ALL_COMPILE_ACTIONS = [
    ACTION_NAMES.assemble,
    ACTION_NAMES.preprocess_assemble,
    ACTION_NAMES.c_compile,
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
    ACTION_NAMES.cpp_module_codegen,
]

CXX_ACTIONS = [
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
    ACTION_NAMES.cpp_module_codegen,
]

LINK_ACTIONS = [
    ACTION_NAMES.cpp_link_executable,
    ACTION_NAMES.cpp_link_dynamic_library,
    ACTION_NAMES.cpp_link_nodeps_dynamic_library,
]

# Per architecture: target triple, flags for all code, extra flags for the
# kernel, extra flags for user space (after `common`: a later -march/-mabi
# wins).
ARCH_FLAGS = {
    "x86_64": struct(
        triple = "x86_64-unknown-none-elf",
        common = ["-march=x86-64-v2"],
        kernel = ["-mno-red-zone", "-mcmodel=kernel", "-mno-sse", "-mno-sse2", "-mno-mmx", "-mno-80387", "-mno-avx"],
        user = [],
        link = ["-Wl,-z,max-page-size=0x1000"],
    ),
    "aarch64": struct(
        triple = "aarch64-unknown-none-elf",
        common = ["-march=armv8-a"],
        # The kernel traps FP/SIMD use (clang would otherwise spill to d8 and
        # copy structs through q registers). Its C++ runs with the MMU on,
        # on Normal memory, where unaligned accesses are fine.
        kernel = ["-mgeneral-regs-only"],
        user = [],
        link = ["-Wl,-z,max-page-size=0x1000"],
    ),
    "riscv64": struct(
        triple = "riscv64-unknown-none-elf",
        common = ["-march=rv64imac", "-mabi=lp64", "-mcmodel=medany"],
        kernel = [],
        # User space has the F and D extensions and the hardware-float ABI:
        # picolibc's printf/strtod use double, and there is no soft-float
        # runtime (compiler-rt builtins) for riscv64 here. So the kernel must
        # enable sstatus.FS for user threads and save f0-f31/fcsr.
        user = ["-march=rv64gc", "-mabi=lp64d"],
        link = ["-Wl,-z,max-page-size=0x1000"],
    ),
}

def _flags(actions, flags, features = None):
    return flag_set(
        actions = actions,
        flag_groups = [flag_group(flags = flags)],
        with_features = [with_feature_set(features = features)] if features else [],
    )

def _bare_metal_toolchain_config_impl(ctx):
    arch = ARCH_FLAGS[ctx.attr.arch]
    target = ["--target=" + arch.triple]
    resource_dir = ctx.attr.resource_dir

    compile_flags = target + arch.common + [
        "-ffreestanding",
        "-nostdinc",
        "-isystem",
        resource_dir + "/include",
        "-fno-stack-protector",
        "-fno-pic",
        "-fno-pie",
        "-fno-omit-frame-pointer",
        "-fno-common",
        "-ffunction-sections",
        "-fdata-sections",
        "-Wall",
        "-Wextra",
        "-Werror",
        "-Wno-unused-parameter",
        # Reproducible outputs: no absolute paths, no timestamps.
        "-no-canonical-prefixes",
        "-Wno-builtin-macro-redefined",
        "-D__DATE__=\"redacted\"",
        "-D__TIMESTAMP__=\"redacted\"",
        "-D__TIME__=\"redacted\"",
    ]
    cxx_flags = [
        "-std=c++20",
        "-fno-exceptions",
        "-fno-rtti",
        "-fno-threadsafe-statics",
        "-fno-use-cxa-atexit",
        "-fsized-deallocation",
    ]
    link_flags = target + arch.link + [
        "-fuse-ld=lld",
        "-nostdlib",
        "-static",
        "-Wl,--build-id=none",
        "-Wl,--gc-sections",
        "-Wl,--no-undefined",
    ]

    flag_sets = [
        _flags(ALL_COMPILE_ACTIONS, compile_flags),
        _flags(CXX_ACTIONS, cxx_flags),
        _flags(ALL_COMPILE_ACTIONS, ["-O2", "-g"], ["fastbuild"]),
        _flags(ALL_COMPILE_ACTIONS, ["-O2", "-g", "-DNDEBUG"], ["opt"]),
        _flags(ALL_COMPILE_ACTIONS, ["-Og", "-g"], ["dbg"]),
        _flags(LINK_ACTIONS, link_flags),
    ]
    if ctx.attr.mode == "kernel" and arch.kernel:
        flag_sets.append(_flags(ALL_COMPILE_ACTIONS, arch.kernel))
    if ctx.attr.mode == "user" and arch.user:
        flag_sets.append(_flags(ALL_COMPILE_ACTIONS + LINK_ACTIONS, arch.user))
    if ctx.attr.mode == "user":
        # User programs have threads: function-local statics initialize under
        # __cxa_guard_acquire/release (user/runtime/cxx.cc).
        flag_sets.append(_flags(CXX_ACTIONS, ["-fthreadsafe-statics"]))
    features = [
        feature(name = "bare_metal_flags", enabled = True, flag_sets = flag_sets),
        feature(name = "fastbuild"),
        feature(name = "opt"),
        feature(name = "dbg"),
    ]

    tools = {
        "gcc": "clang",
        "cpp": "clang",
        "ld": "ld.lld",
        "ar": "llvm-ar",
        "nm": "llvm-nm",
        "objcopy": "llvm-objcopy",
        "objdump": "llvm-objdump",
        "strip": "llvm-strip",
        "gcov": "llvm-cov",
    }
    return cc_common.create_cc_toolchain_config_info(
        ctx = ctx,
        features = features,
        cxx_builtin_include_directories = [resource_dir + "/include"],
        toolchain_identifier = "%s-%s" % (ctx.attr.arch, ctx.attr.mode),
        host_system_name = "x86_64-linux-gnu",
        target_system_name = arch.triple,
        target_cpu = ctx.attr.arch,
        target_libc = "none",
        compiler = "clang",
        abi_version = "none",
        abi_libc_version = "none",
        tool_paths = [tool_path(name = name, path = "llvm/bin/" + binary) for name, binary in tools.items()],
    )

bare_metal_toolchain_config = rule(
    implementation = _bare_metal_toolchain_config_impl,
    attrs = {
        "arch": attr.string(mandatory = True, values = ARCH_FLAGS.keys()),
        "mode": attr.string(mandatory = True, values = ["kernel", "user"]),
        "resource_dir": attr.string(mandatory = True),
    },
    provides = [CcToolchainConfigInfo],
)
