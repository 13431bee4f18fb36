#!/usr/bin/env bash
# Packs the riscv64 image: the kernel ELF and the boot archive side by side,
# plus the qemu.env that tools/qemu/run.sh sources (see hal/README.md).
#
# usage: make_image.sh OUT_DIR KERNEL_ELF BOOTFS LLVM_OBJCOPY
#
# QEMU's virt board boots OpenSBI (its default -bios, fw_dynamic), which
# starts the ELF that -kernel loaded at 0x80200000 (its physical load address,
# p_paddr; it is linked in the upper half) and hands it the device
# tree, in which QEMU has recorded where -initrd put the boot archive. Booting
# "as firmware would" and booting directly are therefore the same thing here,
# and the ELF needs no conversion: LLVM_OBJCOPY is accepted for the common
# interface but not used.
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

mkdir -p "${out_dir}"
install -m 0644 "${kernel_elf}" "${out_dir}/kernel.elf"
install -m 0644 "${bootfs}" "${out_dir}/bootfs.cpio"

cat >"${out_dir}/qemu.env" <<'ENV'
QEMU_SYSTEM=qemu-system-riscv64
QEMU_MACHINE=(-machine virt)
QEMU_BOOT=(-kernel kernel.elf -initrd bootfs.cpio)
QEMU_DIRECT_BOOT=(-kernel kernel.elf -initrd bootfs.cpio)
QEMU_KVM=no
ENV
