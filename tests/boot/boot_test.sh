#!/usr/bin/env bash
# Boots an image in QEMU (headless, TCG unless OS_QEMU_ACCEL=kvm, bounded in
# time) and checks what the kernel printed on the serial console.
#
# usage: boot_test.sh RUNNER IMAGE_DIR [checks] [-- run.sh options]
#   --expect REGEX     a line matching REGEX (grep -E) must appear
#   --reject REGEX     no line may match REGEX
#   --cpus N           the kernel must report exactly N CPUs
#   --ram-mib M        the kernel's RAM total must be within 1 MiB below M MiB
#   --until REGEX      stop QEMU once REGEX appears (for kernels that idle)
#   --power-off        QEMU must exit by itself (the kernel powered off)
#   --timeout SECONDS  give up after this long (default 45)
#   --serial-input TEXT        type TEXT into the guest's serial port, once
#   --serial-input-after REGEX ... once a console line matches REGEX
#                              (default: at once). QEMU's serial port is then
#                              on its stdin/stdout (-serial stdio) instead of
#                              a log file.
#   --serial-step REGEX TEXT   (repeatable) after the input before it was
#                              typed, type TEXT once a line matches REGEX
set -uo pipefail

runner="$1"
image="$2"
shift 2
expects=()
rejects=()
cpus=""
ram_mib=""
until_pattern=""
power_off=no
timeout_seconds=45
serial_input=""
serial_input_wanted=no
serial_input_after=""
step_patterns=()
step_inputs=()
next_step=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --expect) expects+=("$2"); shift 2 ;;
        --reject) rejects+=("$2"); shift 2 ;;
        --cpus) cpus="$2"; shift 2 ;;
        --ram-mib) ram_mib="$2"; shift 2 ;;
        --until) until_pattern="$2"; shift 2 ;;
        --power-off) power_off=yes; shift ;;
        --timeout) timeout_seconds="$2"; shift 2 ;;
        --serial-input) serial_input="$2"; serial_input_wanted=yes; shift 2 ;;
        --serial-input-after) serial_input_after="$2"; shift 2 ;;
        --serial-step) step_patterns+=("$2"); step_inputs+=("$3"); shift 3 ;;
        --) shift; break ;;
        *) echo "boot_test.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

log="${TEST_UNDECLARED_OUTPUTS_DIR:-$(mktemp -d)}/serial.log"
: >"${log}"
start=${SECONDS}
serial_input_sent=yes
if [[ "${serial_input_wanted}" == yes ]]; then
    # The serial port on QEMU's stdio: stdout is the log as with
    # --serial-log, stdin a FIFO this script holds open (fd 3) until QEMU is
    # done, so QEMU never sees end-of-file.
    fifo="$(mktemp -u)"
    mkfifo "${fifo}"
    "${runner}" "${image}" --headless --timeout "${timeout_seconds}" \
        --accel "${OS_QEMU_ACCEL:-tcg}" "$@" <"${fifo}" >"${log}" 2>"${log}.qemu" &
    qemu=$!
    exec 3>"${fifo}"
    rm -f "${fifo}"
    serial_input_sent=no
else
    "${runner}" "${image}" --serial-log "${log}" --timeout "${timeout_seconds}" \
        --accel "${OS_QEMU_ACCEL:-tcg}" "$@" 2>"${log}.qemu" &
    qemu=$!
fi

# Whether a console line matches (without its "\r", as the checks below see
# it, so that `$` works in --until and --serial-input-after too).
console_has() {
    tr -d '\r' <"${log}" | grep -qE -- "$1"
}

stopped_by_test=no
while kill -0 "${qemu}" 2>/dev/null; do
    if [[ "${serial_input_sent}" == no ]] &&
        { [[ -z "${serial_input_after}" ]] || console_has "${serial_input_after}"; }; then
        printf '%s' "${serial_input}" >&3
        serial_input_sent=yes
    fi
    if [[ "${serial_input_sent}" == yes && ${next_step} -lt ${#step_patterns[@]} ]] &&
        console_has "${step_patterns[${next_step}]}"; then
        printf '%s' "${step_inputs[${next_step}]}" >&3
        next_step=$((next_step + 1))
    fi
    if [[ -n "${until_pattern}" ]] && console_has "${until_pattern}"; then
        sleep 0.3  # let the lines after the marker arrive
        kill "${qemu}" 2>/dev/null
        stopped_by_test=yes
        break
    fi
    sleep 0.1
done
wait "${qemu}"
status=$?
[[ "${serial_input_wanted}" == yes ]] && exec 3>&-
elapsed=$((SECONDS - start))

failures=()
fail() { failures+=("$1"); }

# The console sends "\r\n"; check lines without the carriage returns.
tr -d '\r' <"${log}" >"${log}.txt"
qemu_log="${log}.qemu"
log="${log}.txt"

if [[ ${status} -eq 124 || ${status} -eq 137 ]] && [[ "${stopped_by_test}" == no ]]; then
    fail "QEMU did not finish within ${timeout_seconds} s"
fi
if [[ "${power_off}" == yes && ( "${stopped_by_test}" == yes || ${status} -ne 0 ) ]]; then
    fail "QEMU did not exit by itself with status 0 (status ${status}): the kernel did not power off"
fi
for pattern in "${expects[@]}"; do
    grep -qE -- "${pattern}" "${log}" || fail "expected a line matching: ${pattern}"
done
for pattern in "${rejects[@]}"; do
    grep -qE -- "${pattern}" "${log}" && fail "unexpected line matching: ${pattern}"
done
if [[ -n "${cpus}" ]]; then
    grep -qE "^cpus: ${cpus}$" "${log}" || fail "expected 'cpus: ${cpus}'"
fi
if [[ -n "${ram_mib}" ]]; then
    ram_kib=$(sed -nE 's/^memory: ram ([0-9]+) KiB.*/\1/p' "${log}" | head -n 1)
    if [[ -z "${ram_kib}" ]]; then
        fail "no 'memory: ram N KiB' line"
    elif ((ram_kib > ram_mib * 1024 || ram_kib < ram_mib * 1024 - 1024)); then
        fail "RAM ${ram_kib} KiB is not within 1 MiB below the ${ram_mib} MiB QEMU was given"
    fi
fi

if [[ ${#failures[@]} -eq 0 ]]; then
    echo "boot test passed in ${elapsed} s (${#expects[@]} expected lines, ${#rejects[@]} rejected patterns)"
    exit 0
fi
echo "===== serial console ====="
cat "${log}"
echo "===== QEMU ====="
cat "${qemu_log}"
echo "===== failures ====="
printf '  %s\n' "${failures[@]}"
exit 1
