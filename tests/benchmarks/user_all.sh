#!/usr/bin/env bash
# Boots ubench (tests/benchmarks/user) as init on every architecture under
# QEMU -icount shift=0,sleep=off and prints its figures as one markdown
# table: guest instructions per operation.
#
# usage: user_all.sh RUNNER... [-- EXTRA...]   (EXTRA goes to each runner)
set -euo pipefail

if [[ -z "${RUNFILES_DIR:-}" ]]; then
    if [[ -d "$0.runfiles" ]]; then
        RUNFILES_DIR="$(cd "$0.runfiles" && pwd)"
    else
        RUNFILES_DIR="$(cd .. && pwd)"  # bazel run's working directory
    fi
fi
export RUNFILES_DIR

runners=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
    runners+=("$1")
    shift
done
[[ "${1:-}" == "--" ]] && shift

logs="$(mktemp -d)"
trap 'rm -rf "${logs}"' EXIT
arches=()
status=0
for runner in "${runners[@]}"; do
    arch="$(basename "${runner}" .sh)"
    arch="${arch#user_}"
    arches+=("${arch}")
    echo "user_all: ${arch} ..." >&2
    if ! "${RUNFILES_DIR}/os/${runner}" "$@" >"${logs}/${arch}.log" 2>&1 ||
        ! grep -q '^ubench: done' "${logs}/${arch}.log"; then
        echo "user_all: ${arch}: ubench did not finish; the end of its console:" >&2
        tail -n 30 "${logs}/${arch}.log" >&2
        status=1
    fi
done

echo
echo "Guest instructions per operation (QEMU -icount shift=0, one CPU, release kernel)"
echo
for arch in "${arches[@]}"; do
    sed -n 's/^ubench: \(.*[^ ]\) \{1,\}\([0-9]\{1,\}\) ns\/op.*/\1|\2/p' "${logs}/${arch}.log" |
        sed "s/^/${arch}|/"
done | awk -F'|' -v arches="${arches[*]}" '
    BEGIN { count = split(arches, arch, " ") }
    {
        if (!(($2) in seen)) { seen[$2] = 1; order[++rows] = $2 }
        figure[$2, $1] = $3
    }
    END {
        header = "| operation |"; rule = "|---|"
        for (a = 1; a <= count; ++a) { header = header " " arch[a] " |"; rule = rule "---:|" }
        print header; print rule
        for (r = 1; r <= rows; ++r) {
            line = "| " order[r] " |"
            for (a = 1; a <= count; ++a) {
                value = ((order[r], arch[a]) in figure) ? figure[order[r], arch[a]] : "-"
                line = line " " value " |"
            }
            print line
        }
    }'
exit "${status}"
