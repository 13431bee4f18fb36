#!/usr/bin/env bash
# Packs the aarch64 image: the flat arm64 `Image` QEMU's -kernel loads, the
# boot archive beside it, the ELF for gdb, and the qemu.env that
# tools/qemu/run.sh sources (see hal/README.md).
#
# usage: make_image.sh OUT_DIR KERNEL_ELF BOOTFS LLVM_OBJCOPY
#
# QEMU's virt board has no firmware in the way: `-kernel Image` is the Linux
# arm64 boot protocol, which passes the device tree in x0 and records -initrd
# and -append in /chosen. Booting "as firmware would" and booting directly are
# therefore the same thing here.
#
# The machine is `virt` with a Cortex-A72, a plain ARMv8.0-A core: it matches
# the toolchain's -march=armv8-a, so the kernel cannot come to depend on later
# extensions by accident, and TCG emulates it faster than `-cpu max` (which
# adds pointer authentication, SVE, MTE, ...). KVM is never used: the build
# machines are x86_64.
#
# Runs inside the Bazel sandbox: reads only its arguments, writes only OUT_DIR.
set -euo pipefail

if [[ $# -ne 4 ]]; then
    echo "usage: $0 OUT_DIR KERNEL_ELF BOOTFS LLVM_OBJCOPY" >&2
    exit 2
fi
out_dir="$1"
kernel_elf="$2"
bootfs="$3"
objcopy="$4"

mkdir -p "${out_dir}"
install -m 0644 "${kernel_elf}" "${out_dir}/kernel.elf"
install -m 0644 "${bootfs}" "${out_dir}/bootfs.cpio"
# The loadable sections as they lie in memory, from the Image header at the
# link address up to the end of .data (.bss and the stack are not stored).
"${objcopy}" -O binary "${kernel_elf}" "${out_dir}/Image"
chmod 0644 "${out_dir}/Image"  # objcopy copies the ELF's mode, read-only under Bazel

# A loader that does not find the magic at offset 56 would refuse the Image
# (QEMU would treat it as a raw blob and jump into it blindly).
if [[ "$(dd if="${out_dir}/Image" bs=1 skip=56 count=4 status=none)" != $'ARM\x64' ]]; then
    echo "$0: ${out_dir}/Image has no arm64 Image header; is .head.text first in linker.ld?" >&2
    exit 1
fi

cat >"${out_dir}/qemu.env" <<'ENV'
QEMU_SYSTEM=qemu-system-aarch64
QEMU_MACHINE=(-machine virt -cpu cortex-a72)
QEMU_BOOT=(-kernel Image -initrd bootfs.cpio)
QEMU_DIRECT_BOOT=(-kernel Image -initrd bootfs.cpio)
QEMU_KVM=no
ENV
