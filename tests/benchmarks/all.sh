#!/usr/bin/env bash
# Boots one set of benchmarks on every architecture, one after the other,
# and prints their figures as one markdown table: the in-kernel ones
# (mm_<arch> runners, bench=mm) or ubench from user space (user_<arch>
# runners, init=ubench). The runners boot QEMU with -icount
# shift=0,sleep=off, so a counter tick (and a guest nanosecond) is one guest
# instruction and the figures are exact.
#
# usage: all.sh RUNNER... [-- EXTRA...]
#   bazel run //tests/benchmarks:mm_all (or :user_all) passes the three
#   runners; EXTRA goes to each runner after its defaults, i.e. to QEMU (the
#   defaults end in `-- -icount ...`).
set -euo pipefail

# The runners find their image through RUNFILES_DIR: point it at ours.
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
kind="$(basename "${runners[0]}" .sh)"
kind="${kind%%_*}"  # mm, user or ipc
case "${kind}" in
    mm) finished='^bench: [0-9]+ run, 0 failed' ;;
    user) finished='^ubench: done' ;;
    ipc) finished='^ipcbench: done' ;;
    *) echo "all.sh: unknown runner ${runners[0]}" >&2; exit 2 ;;
esac
arches=()
status=0
for runner in "${runners[@]}"; do
    arch="$(basename "${runner}" .sh)"
    arch="${arch#"${kind}"_}"
    arches+=("${arch}")
    echo "${kind}_all: ${arch} ..." >&2
    if ! "${RUNFILES_DIR}/os/${runner}" "$@" >"${logs}/${arch}.log" 2>&1 ||
        ! grep -qE "${finished}" "${logs}/${arch}.log"; then
        echo "${kind}_all: ${arch}: the benchmarks did not all run; the end of its console:" >&2
        tail -n 30 "${logs}/${arch}.log" >&2
        status=1
    fi
done

# One "arch|benchmark|figure|n" line per figure.
figures() {
    local arch="$1"
    if [[ "${kind}" == mm ]]; then
        sed -n 's/^bench: \([a-z0-9_]*\.[a-z0-9_]*\): \(-\{0,1\}[0-9.]*\) counter ticks\/op (n=\([0-9]*\).*/\1|\2|\3/p' \
            "${logs}/${arch}.log"
    elif [[ "${kind}" == ipc ]]; then
        sed -n 's/^ipcbench: \(.*[^ ]\) \{1,\}\([0-9]\{1,\}\) instructions\/op (\([0-9]*\) ops)/\1|\2|\3/p' "${logs}/${arch}.log"
    else
        sed -n 's/^ubench: \(.*[^ ]\) \{1,\}\([0-9]\{1,\}\) ns\/op (\([0-9]*\) ops)/\1|\2|\3/p' "${logs}/${arch}.log"
    fi | sed "s/^/${arch}|/"
}

echo
if [[ "${kind}" == mm ]]; then
    echo "Guest instructions per operation (QEMU -icount; median of 5 runs, net of the measuring loop)"
elif [[ "${kind}" == ipc ]]; then
    echo "Guest instructions per operation (QEMU -icount shift=0, two CPUs, release build, incl. the user loop; the \", net\" rows without the measuring code)"
else
    echo "Guest instructions per operation (QEMU -icount shift=0, one CPU, release build, incl. the user loop)"
fi
echo
for arch in "${arches[@]}"; do
    figures "${arch}"
done | awk -F'|' -v arches="${arches[*]}" '
    BEGIN { count = split(arches, arch, " ") }
    {
        if (!(($2) in seen)) { seen[$2] = 1; order[++rows] = $2 }
        figure[$2, $1] = $3
        iterations[$2] = $4
    }
    END {
        header = "| benchmark | n |"; rule = "|---|---:|"
        for (a = 1; a <= count; ++a) { header = header " " arch[a] " |"; rule = rule "---:|" }
        print header; print rule
        for (r = 1; r <= rows; ++r) {
            line = "| " order[r] " | " iterations[order[r]] " |"
            for (a = 1; a <= count; ++a) {
                value = ((order[r], arch[a]) in figure) ? figure[order[r], arch[a]] : "-"
                line = line " " value " |"
            }
            print line
        }
    }'
echo
grep -h -i "cycle counter" "${logs}"/*.log /dev/null | sed 's/^/counter: /' || true
exit "${status}"
