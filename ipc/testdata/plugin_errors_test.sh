#!/usr/bin/env bash
# Usage: plugin_errors_test.sh PROTOC PLUGIN: each .proto below breaks one IDL
# rule; protoc with the plugin must fail with the message naming it.
protoc="$PWD/$1"
plugin="$PWD/$2"
root="$PWD"                      # runfiles: ipc/options.proto, ipc/handle.proto
work="${TEST_TMPDIR:-$(mktemp -d)}"
failed=0
case_count=0
expect_error() {  # name, expected message; the .proto body on stdin
    case_count=$((case_count + 1))
    mkdir -p "$work/bad" "$work/out"
    { echo 'syntax = "proto3"; package bad; import "ipc/handle.proto"; import "ipc/options.proto";'; cat; } >"$work/bad/$1.proto"
    output="$("$protoc" --plugin=protoc-gen-cairnipc="$plugin" --cairnipc_out="$work/out" \
        -I"$work" -I"$root" -I/usr/include "bad/$1.proto" 2>&1)"
    if [[ $? -eq 0 ]] || ! grep -qF -- "$2" <<<"$output"; then
        echo "FAILED: $1: expected an error with: $2"; echo "$output"; failed=1
    fi
}
expect_error unbounded_string "bad.M.s: string and bytes fields need [(ipc.max_length) = N]" <<<'message M { string s = 1; }'
expect_error unbounded_bytes "bad.M.b: string and bytes fields need" <<<'message M { bytes b = 1; }'
expect_error unbounded_repeated "bad.M.r: repeated fields need [(ipc.max_count) = N]" <<<'message M { repeated uint32 r = 1; }'
expect_error oneof "bad.M: oneof and optional are not supported" <<<'message M { oneof o { uint32 a = 1; uint64 b = 2; } }'
expect_error optional "bad.M: oneof and optional are not supported" <<<'message M { optional uint32 a = 1; }'
expect_error map "map fields have no fixed layout" <<<'message M { map<uint32, uint32> m = 1 [(ipc.max_count) = 2]; }'
expect_error recursion "contains itself" <<<'message M { N n = 1; } message N { M m = 1; }'
expect_error five_caps "carries up to 5 capabilities" <<<'message M { repeated ipc.Handle h = 1 [(ipc.max_count) = 5]; }'
expect_error too_big "more than a message carries (1 MiB)" <<<'message M { string s = 1 [(ipc.max_length) = 2000000]; }'
expect_error rights_on_int "ipc.rights and ipc.move are for ipc.Handle fields" <<<'message M { uint32 a = 1 [(ipc.rights) = 1]; }'
expect_error length_on_int "ipc.max_length is for string and bytes fields" <<<'message M { uint32 a = 1 [(ipc.max_length) = 1]; }'
expect_error streaming "streaming rpcs are not supported" <<<'message M {} service S { rpc Go(stream M) returns (M); }'
expect_error reserved_name "the names encode and decode are reserved" <<<'message M { uint32 encode = 1; }'
mkdir -p "$work/p2" && echo 'syntax = "proto2"; package p2; message M { optional int32 a = 1; }' >"$work/p2/p2.proto"
output="$("$protoc" --plugin=protoc-gen-cairnipc="$plugin" --cairnipc_out="$work/out" -I"$work" p2/p2.proto 2>&1)"
grep -qF "IDL files are proto3" <<<"$output" || { echo "FAILED: proto2 accepted: $output"; failed=1; }
[[ $failed -eq 0 ]] && echo "plugin_errors_test: $((case_count + 1)) IDL rule breaches refused"
exit $failed
