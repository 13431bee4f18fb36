#!/usr/bin/env bash
# Usage: golden_test.sh check|update GENERATED... : diffs each generated file
# against golden/<its name>, or (update, through bazel run) copies it there.
mode="$1"; shift
failed=0
for generated in "$@"; do
    name="$(basename "$generated")"
    if [[ "$mode" == update ]]; then
        cp "$generated" "${BUILD_WORKSPACE_DIRECTORY:?run with bazel run}/ipc/testdata/golden/$name"
        chmod 644 "$BUILD_WORKSPACE_DIRECTORY/ipc/testdata/golden/$name"
        echo "updated ipc/testdata/golden/$name"
    elif ! diff -u "$(dirname "$0")/golden/$name" "$generated"; then
        echo "FAILED: $name differs from ipc/testdata/golden/$name; if the plugin change is"
        echo "deliberate: bazel run //ipc/testdata:update_golden"
        failed=1
    fi
done
exit $failed
