#!/usr/bin/env bash
# Each testdata/<case>.api differs from base.api by one change; the checker
# must pass the compatible ones and name each breaking one.
checker="$1"
dir="$(dirname "$0")/testdata"
failed=0
expect() {  # case, expected exit status, expected text
    output="$("$checker" "$dir/base.api" "$dir/$1.api" 2>&1)"
    status=$?
    if [[ $status -ne $2 ]] || ! grep -qF -- "$3" <<<"$output"; then
        echo "FAILED: $1: exit $status, output:"; echo "$output"; failed=1
    fi
}
expect base 0 "is compatible"
expect compatible 0 "is compatible"
expect removed_method 1 "BREAKING: removed or renamed method t.S.Get"
expect renumbered_field 1 "BREAKING: removed or renumbered t.Req field 2 (count)"
expect renumbered_field 1 "BREAKING: added field 4 (count) to existing message t.Req"
expect changed_type 1 "BREAKING: changed type of t.Req field 2 (count): single uint32 -> single int64"
expect lowered_bound 1 "BREAKING: lowered the bound of t.Req field 1 (name)"
expect added_field 1 "BREAKING: added field 9 (extra) to existing message t.Req"
expect more_rights 1 "BREAKING: demands more rights in t.Req field 3 (cap)"
expect removed_value 1 "BREAKING: removed or renumbered enum value t.Color.RED"
expect changed_reply 1 "BREAKING: changed types of method t.S.Get"
exit $failed
