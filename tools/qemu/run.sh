#!/usr/bin/env bash
# Boots a Cairn image in QEMU. Used by `bazel run //images:qemu_<arch>` and by
# the boot tests; the architecture-specific part comes from the image's
# qemu.env (written by hal/<arch>/make_image.sh).
#
# usage: run.sh IMAGE_DIR [options] [-- extra QEMU arguments]
#   --smp N            CPUs (default 2)
#   --memory SIZE      RAM, QEMU syntax: 512M, 2G (default 512M)
#   --append "ARGS"    kernel command line; boots the kernel directly
#                      (x86_64: QEMU's multiboot loader instead of the ISO)
#   --direct           boot the kernel directly even without --append
#   --gdb              start halted with a gdbstub on tcp::1234 (see README)
#   --headless         no interactive console: serial to stdout only
#   --serial-log FILE  write the serial console to FILE (implies --headless)
#   --accel kvm|tcg    default: KVM when the image allows it and /dev/kvm is
#                      usable, TCG otherwise (OS_QEMU_ACCEL overrides)
#   --timeout SECONDS  kill QEMU after this long (exit status 124)
set -euo pipefail

die() {
    echo "run.sh: $*" >&2
    exit 2
}

[[ $# -ge 1 ]] || die "usage: run.sh IMAGE_DIR [options] [-- qemu args]"
image_dir="$1"
shift
[[ -f "${image_dir}/qemu.env" ]] || die "${image_dir} is not an image (no qemu.env)"

smp=2
memory=512M
append=""
direct=no
gdb=no
headless=no
serial_log=""
accel="${OS_QEMU_ACCEL:-auto}"
timeout_seconds=""
extra=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --smp) smp="$2"; shift 2 ;;
        --memory) memory="$2"; shift 2 ;;
        --append) append="$2"; direct=yes; shift 2 ;;
        --direct) direct=yes; shift ;;
        --gdb) gdb=yes; shift ;;
        --headless) headless=yes; shift ;;
        --serial-log) serial_log="$2"; headless=yes; shift 2 ;;
        --accel) accel="$2"; shift 2 ;;
        --timeout) timeout_seconds="$2"; shift 2 ;;
        --) shift; extra=("$@"); break ;;
        *) die "unknown option '$1' (see the usage at the top of tools/qemu/run.sh)" ;;
    esac
done
[[ "${smp}" =~ ^[1-9][0-9]*$ ]] || die "--smp needs a positive number, got '${smp}'"

QEMU_SYSTEM=""
QEMU_MACHINE=()
QEMU_BOOT=()
QEMU_DIRECT_BOOT=()
QEMU_KVM=no
# shellcheck source=/dev/null
source "${image_dir}/qemu.env"
command -v "${QEMU_SYSTEM}" >/dev/null || die "${QEMU_SYSTEM} is not installed: run ./bazelw once"

# KVM only for the host's own architecture and only when /dev/kvm is usable.
kvm_usable() { [[ "${QEMU_KVM}" == yes && -r /dev/kvm && -w /dev/kvm ]]; }
case "${accel}" in
    auto)
        if kvm_usable; then accel=kvm; why="/dev/kvm is usable"; else accel=tcg; why="no usable /dev/kvm or not the host architecture"; fi ;;
    kvm)
        kvm_usable || die "--accel kvm: /dev/kvm is not usable for this image"
        why="requested" ;;
    tcg) why="requested" ;;
    *) die "--accel must be kvm or tcg, got '${accel}'" ;;
esac

cd "${image_dir}"
qemu=("${QEMU_SYSTEM}" "${QEMU_MACHINE[@]}" -smp "${smp}" -m "${memory}" -no-reboot)
if [[ "${accel}" == kvm ]]; then
    qemu+=(-accel kvm -cpu host)
else
    qemu+=(-accel tcg)
fi
if [[ "${direct}" == yes ]]; then
    qemu+=("${QEMU_DIRECT_BOOT[@]}")
    [[ -n "${append}" ]] && qemu+=(-append "${append}")
    boot="${QEMU_DIRECT_BOOT[*]}"
else
    qemu+=("${QEMU_BOOT[@]}")
    boot="${QEMU_BOOT[*]}"
fi
if [[ -n "${serial_log}" ]]; then
    qemu+=(-display none -monitor none -serial "file:${serial_log}")
elif [[ "${headless}" == yes ]]; then
    qemu+=(-display none -monitor none -serial stdio)
else
    # Serial console and QEMU monitor multiplexed on the terminal: Ctrl-A x quits.
    qemu+=(-nographic -serial mon:stdio)
fi
if [[ "${gdb}" == yes ]]; then
    qemu+=(-s -S)
    echo "qemu: waiting for gdb on localhost:1234; in another terminal:" >&2
    echo "  gdb-multiarch $(pwd)/kernel.elf -ex 'target remote localhost:1234'" >&2
fi
qemu+=("${extra[@]}")

echo "qemu: ${QEMU_SYSTEM}, ${smp} CPU(s), ${memory}, accel ${accel} (${why}), boot: ${boot}${append:+, command line: ${append}}" >&2
[[ "${headless}" == no ]] && echo "qemu: Ctrl-A x quits" >&2
if [[ -n "${timeout_seconds}" ]]; then
    exec timeout --kill-after=5 "${timeout_seconds}" "${qemu[@]}"
fi
exec "${qemu[@]}"
