"""@llvm: the pinned LLVM from Debian (clang, lld, llvm tools), as declared inputs.

The repository links the installed /usr/lib/llvm-<major> tree in, so every tool
and builtin header the toolchains use is a file Bazel tracks, and refuses to
build with a message naming the fix when the machine's LLVM, or any other
pinned Debian package, is not the pinned version.
"""

def _installed_versions(repository_ctx, packages):
    result = repository_ctx.execute(
        ["dpkg-query", "-W", "-f", "${Package} ${db:Status-Status} ${Version}\\n"] + packages,
    )
    versions = {}
    for line in result.stdout.splitlines():
        fields = line.split(" ")
        if len(fields) == 3 and fields[1] == "installed":
            versions[fields[0].split(":")[0]] = fields[2]
    return versions

def _glob_match(pattern, text):
    # The pins only use a trailing '*': everything before it must match exactly.
    if pattern.endswith("*"):
        return text.startswith(pattern[:-1])
    return text == pattern

def _check_pinned_packages(repository_ctx):
    pins = {}
    for line in repository_ctx.read(repository_ctx.attr.packages_list).splitlines():
        fields = [field for field in line.split("#")[0].replace("\t", " ").split(" ") if field]
        if len(fields) >= 2:
            pins[fields[0]] = fields[1]
    versions = _installed_versions(repository_ctx, pins.keys())
    wrong = []
    for package, pattern in pins.items():
        version = versions.get(package, "not installed")
        if not _glob_match(pattern, version):
            wrong.append("  %s: %s (pinned: %s)" % (package, version, pattern))
    if wrong:
        fail("Debian packages differ from tools/bootstrap/debian-packages.txt:\n%s\nRun ./bazelw, which installs the pinned versions." % "\n".join(wrong))

def _llvm_repository_impl(repository_ctx):
    _check_pinned_packages(repository_ctx)
    major = repository_ctx.attr.version.split(".")[0]
    root = repository_ctx.path("/usr/lib/llvm-%s" % major)
    clang = root.get_child("bin").get_child("clang")
    if not clang.exists:
        fail("LLVM %s is not installed at %s: run ./bazelw" % (repository_ctx.attr.version, root))
    banner = repository_ctx.execute([str(clang), "--version"]).stdout
    if ("clang version " + repository_ctx.attr.version) not in banner:
        fail("clang at %s is not version %s:\n%s" % (clang, repository_ctx.attr.version, banner))
    repository_ctx.symlink(root.get_child("bin"), "bin")
    repository_ctx.symlink(root.get_child("lib").get_child("clang").get_child(major), "resource_dir")
    repository_ctx.file("WORKSPACE", "workspace(name = \"llvm\")\n")
    repository_ctx.file("BUILD.bazel", """
# LLVM {version} from Debian, linked in by //toolchains/llvm:repository.bzl.
package(default_visibility = ["//visibility:public"])

TOOLS = ["clang", "clang++", "clang-{major}", "ld.lld", "lld", "llvm-ar", "llvm-nm", "llvm-objcopy", "llvm-objdump", "llvm-strip", "llvm-cov"]

exports_files(["bin/" + tool for tool in TOOLS])

filegroup(name = "compiler_files", srcs = ["bin/clang", "bin/clang++", "bin/clang-{major}"] + glob(["resource_dir/include/**"]))
filegroup(name = "linker_files", srcs = ["bin/clang", "bin/clang-{major}", "bin/ld.lld", "bin/lld"])
filegroup(name = "archiver_files", srcs = ["bin/llvm-ar"])
filegroup(name = "binary_tools", srcs = ["bin/llvm-objcopy", "bin/llvm-strip", "bin/llvm-nm", "bin/llvm-objdump"])
filegroup(name = "all_files", srcs = [":compiler_files", ":linker_files", ":archiver_files", ":binary_tools"])
""".format(version = repository_ctx.attr.version, major = major))

llvm_repository = repository_rule(
    implementation = _llvm_repository_impl,
    attrs = {
        "version": attr.string(mandatory = True),
        "packages_list": attr.label(mandatory = True, allow_single_file = True),
    },
    local = True,
)
