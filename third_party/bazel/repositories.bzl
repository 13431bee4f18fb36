"""Every external repository of the workspace, all backed by Debian packages.

Nothing here touches the network: each repository is a local directory that a
pinned Debian package installs (see tools/bootstrap/debian-packages.txt).
"""

load("//toolchains/llvm:repository.bzl", "llvm_repository")

def _patched_rules_cc_impl(repository_ctx):
    # Debian's rules_cc 0.0.4 calls use_cpp_toolchain(), which Bazel 4.2.3's
    # @bazel_tools does not have yet; @bazel_tools//tools/cpp loads @rules_cc, so
    # without this patch no C++ target builds at all.
    source = repository_ctx.path(repository_ctx.attr.path)
    if not source.exists:
        fail("%s is missing: run ./bazelw (it installs bazel-rules-cc)" % source)
    repository_ctx.execute(["cp", "-r", str(source) + "/.", "."])
    for name in ["compiler_flag.bzl", "cc_flags_supplier.bzl"]:
        path = "cc/private/rules_impl/" + name
        text = repository_ctx.read(path)
        text = text.replace(', "use_cpp_toolchain")', ")")
        text = text.replace("use_cpp_toolchain()", '["@bazel_tools//tools/cpp:toolchain_type"]')
        repository_ctx.file(path, text)

_patched_rules_cc = repository_rule(
    implementation = _patched_rules_cc_impl,
    attrs = {"path": attr.string(mandatory = True)},
    local = True,
)

def _from_build_file_impl(repository_ctx):
    repository_ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % repository_ctx.name)
    repository_ctx.symlink(repository_ctx.attr.build_file, "BUILD.bazel")
    for label, path in repository_ctx.attr.files.items():
        repository_ctx.symlink(label, path)

# A repository made only of checked-in files: stand-ins for repositories that
# Bazel would otherwise download although C++ builds never use them.
_from_build_file = repository_rule(
    implementation = _from_build_file_impl,
    attrs = {
        "build_file": attr.label(mandatory = True),
        "files": attr.label_keyed_string_dict(allow_files = True),
    },
)

def os_dependencies():
    """Declares every external repository; called from WORKSPACE."""
    native.local_repository(
        name = "bazel_skylib",
        path = "/usr/share/bazel/tools/skylib",
    )
    _patched_rules_cc(
        name = "rules_cc",
        path = "/usr/share/bazel/rules/cc",
    )
    native.local_repository(
        name = "rules_proto",
        path = "/usr/share/bazel/rules/proto",
    )
    _from_build_file(
        name = "rules_java",
        build_file = "//third_party/bazel:rules_java.BUILD",
        files = {
            "//third_party/bazel:rules_java_defs.bzl": "java/defs.bzl",
            "//third_party/bazel:empty.BUILD": "java/BUILD",
        },
    )
    _from_build_file(
        name = "remote_coverage_tools",
        build_file = "//third_party/bazel:remote_coverage_tools.BUILD",
        files = {"//third_party/bazel:coverage_unavailable.sh": "unavailable.sh"},
    )
    llvm_repository(
        name = "llvm",
        version = "16.0.6",
        packages_list = "//tools/bootstrap:debian-packages.txt",
    )
    native.new_local_repository(
        name = "com_google_googletest",
        path = "/usr",
        build_file = "//third_party/googletest:googletest.BUILD",
    )
    native.new_local_repository(
        name = "com_google_absl",
        path = "/usr",
        build_file = "//third_party/abseil:abseil.BUILD",
    )
    native.new_local_repository(
        name = "com_google_protobuf",
        path = "/usr",
        build_file = "//third_party/protobuf:protobuf.BUILD",
    )
    native.new_local_repository(
        name = "com_github_google_benchmark",
        path = "/usr",
        build_file = "//third_party/benchmark:benchmark.BUILD",
    )
