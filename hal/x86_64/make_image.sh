#!/usr/bin/env bash
# Packs the x86_64 boot image (see hal/README.md):
#
#   make_image.sh OUT_DIR KERNEL_ELF BOOTFS LLVM_OBJCOPY
#
# and writes into OUT_DIR:
#   kernel.elf   the kernel as linked (symbols and debug info, for gdb)
#   bootfs.cpio  the boot archive, multiboot module 0
#   cairn.iso    a BIOS-bootable CD: GRUB 2 loads a stripped kernel.elf with
#                `multiboot` and the archive with `module`
#   qemu.env     how tools/qemu/run.sh starts all this
#
# Runs inside the Bazel sandbox: reads only its arguments and system tools,
# writes only into OUT_DIR and a mktemp directory. Silent on success; on
# failure says what failed and shows the tool's output.
set -euo pipefail

if [[ $# -ne 4 ]]; then
    echo "usage: $0 OUT_DIR KERNEL_ELF BOOTFS LLVM_OBJCOPY" >&2
    exit 2
fi
out_dir=$1
kernel_elf=$2
bootfs=$3
llvm_objcopy=$4

fail() {
    echo "make_image.sh (x86_64): $*" >&2
    exit 1
}

for input in "${kernel_elf}" "${bootfs}" "${llvm_objcopy}"; do
    [[ -f ${input} ]] || fail "missing input: ${input}"
done
# GRUB's BIOS modules and grub-mkrescue's helpers (Debian: grub-pc-bin,
# grub-common, xorriso, mtools).
grub_modules=/usr/lib/grub/i386-pc
[[ -d ${grub_modules} ]] || fail "${grub_modules} not found (install grub-pc-bin)"
for tool in grub-mkrescue xorriso mformat; do
    command -v "${tool}" >/dev/null || fail "${tool} not found (install grub-common, xorriso, mtools)"
done

mkdir -p "${out_dir}"
install -m 0644 "${kernel_elf}" "${out_dir}/kernel.elf"
install -m 0644 "${bootfs}" "${out_dir}/bootfs.cpio"

staging=$(mktemp -d)
trap 'rm -rf "${staging}"' EXIT
mkdir -p "${staging}/iso/boot/grub"

# The ISO's copy needs no debug info; stripping it keeps the ISO small and
# loading fast. The multiboot load addresses are unaffected.
"${llvm_objcopy}" --strip-debug "${kernel_elf}" "${staging}/iso/boot/kernel.elf" ||
    fail "llvm-objcopy could not strip ${kernel_elf}"
cp "${bootfs}" "${staging}/iso/boot/bootfs.cpio"

# Serial console on COM1 like the kernel's, no menu, no wait.
cat >"${staging}/iso/boot/grub/grub.cfg" <<'EOF'
serial --unit=0 --speed=115200 --word=8 --parity=no --stop=1
terminal_input serial console
terminal_output serial console
set timeout=0
set timeout_style=hidden

menuentry "Cairn" {
    multiboot /boot/kernel.elf
    module /boot/bootfs.cpio bootfs
    boot
}
EOF

# Reproducibility: SOURCE_DATE_EPOCH fixes xorriso's own choices and
# `-volume_date all_file_dates` the date of every file, GRUB's included.
# What remains is grub-mkrescue's: it stamps the volume with the current time
# and embeds that stamp as the UUID GRUB searches for to find its CD, and the
# El Torito boot catalog carries the same time. The default date is the
# FAT/DOS epoch, 1980-01-01, which every image format can represent.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-315532800}
if ! grub-mkrescue -d "${grub_modules}" -o "${out_dir}/cairn.iso" "${staging}/iso" \
    -- -volume_date all_file_dates "=${SOURCE_DATE_EPOCH}" \
    >"${staging}/grub-mkrescue.log" 2>&1; then
    cat "${staging}/grub-mkrescue.log" >&2
    fail "grub-mkrescue failed (output above)"
fi

cat >"${out_dir}/qemu.env" <<'EOF'
# Written by hal/x86_64/make_image.sh; sourced by tools/qemu/run.sh.
QEMU_SYSTEM=qemu-system-x86_64
# q35: the current PC chipset (ICH9 ACPI power management, PCIe); -cpu max:
# every CPU feature the accelerator offers (the host's, under KVM).
QEMU_MACHINE=(-machine q35 -cpu max)
# SeaBIOS boots GRUB from the CD, which loads the kernel as a real machine would.
QEMU_BOOT=(-cdrom cairn.iso)
# QEMU's own multiboot loader: -initrd becomes module 0, -append the command line.
QEMU_DIRECT_BOOT=(-kernel kernel.elf -initrd bootfs.cpio)
QEMU_KVM=yes
EOF
