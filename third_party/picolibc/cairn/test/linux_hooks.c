/*
 * picolibc's operating-system hooks over Linux system calls, x86_64 only:
 * lets a picolibc program built by the os:cairn toolchain
 * (//toolchains:x86_64_cairn) run on the Linux build machine, so
 * conformance_test.sh can compare its output with glibc's. Test-only; the
 * real hooks are user/runtime's.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/_initfini.h>
#include <sys/lock.h>
#include <unistd.h>

static long linux_syscall3(long number, long a, long b, long c) {
    long result;
    __asm__ volatile("syscall" : "=a"(result) : "a"(number), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return result;
}

enum { kLinuxWrite = 1, kLinuxArchPrctl = 158, kLinuxExitGroup = 231, kArchSetFs = 0x1002 };

/* stdout: a buffer written out at '\n' and on flush. */
static char line[4096];
static size_t line_length;

static int flush_line(FILE *file) {
    (void)file;
    for (size_t done = 0; done < line_length;) {
        long written = linux_syscall3(kLinuxWrite, 1, (long)(line + done), (long)(line_length - done));
        if (written <= 0)
            return EOF;
        done += (size_t)written;
    }
    line_length = 0;
    return 0;
}

static int put(char c, FILE *file) {
    line[line_length++] = c;
    if ((c == '\n' || line_length == sizeof line) && flush_line(file) != 0)
        return EOF;
    return (unsigned char)c;
}

static FILE linux_stdout = FDEV_SETUP_STREAM(put, NULL, flush_line, _FDEV_SETUP_WRITE);
FILE *const stdin = NULL;
FILE *const stdout = &linux_stdout;
FILE *const stderr = &linux_stdout;

static char heap[1 << 20];
static size_t heap_used;

void *sbrk(ptrdiff_t increment) {
    if (increment < 0 ? (size_t)-increment > heap_used : (size_t)increment > sizeof heap - heap_used)
        return (void *)-1;
    void *old_break = heap + heap_used;
    heap_used += increment;
    return old_break;
}

void _exit(int status) {
    flush_line(stdout);
    for (;;)
        linux_syscall3(kLinuxExitGroup, status, 0, 0);
}

struct __lock {
    int unused;
};
struct __lock __lock___libc_recursive_mutex;
void __retarget_lock_init(_LOCK_T *lock) { *lock = NULL; }
void __retarget_lock_init_recursive(_LOCK_T *lock) { *lock = NULL; }
void __retarget_lock_close(_LOCK_T lock) { (void)lock; }
void __retarget_lock_close_recursive(_LOCK_T lock) { (void)lock; }
void __retarget_lock_acquire(_LOCK_T lock) { (void)lock; }
void __retarget_lock_acquire_recursive(_LOCK_T lock) { (void)lock; }
void __retarget_lock_release(_LOCK_T lock) { (void)lock; }
void __retarget_lock_release_recursive(_LOCK_T lock) { (void)lock; }

/* TLS, x86_64 variant II: the block ends at the thread pointer, whose first
 * word points to itself. */
typedef struct {
    unsigned char e_ident[16];
    uint16_t e_type, e_machine;
    uint32_t e_version;
    uint64_t e_entry, e_phoff, e_shoff;
    uint32_t e_flags;
    uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} Elf64_Ehdr;

typedef struct {
    uint32_t p_type, p_flags;
    uint64_t p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
} Elf64_Phdr;

enum { PT_TLS = 7 };

extern const Elf64_Ehdr __ehdr_start;
static _Alignas(64) char tls_area[4096];

static void set_up_tls(void) {
    const Elf64_Phdr *headers = (const Elf64_Phdr *)((const char *)&__ehdr_start + __ehdr_start.e_phoff);
    uintptr_t tp = (uintptr_t)tls_area + sizeof tls_area - 64;
    for (int i = 0; i < __ehdr_start.e_phnum; ++i) {
        const Elf64_Phdr *tls = &headers[i];
        if (tls->p_type != PT_TLS)
            continue;
        size_t size = (tls->p_memsz + tls->p_align - 1) & ~(tls->p_align - 1);
        memcpy((char *)(tp - size), (const void *)tls->p_vaddr, tls->p_filesz);
    }
    *(uintptr_t *)tp = tp;
    linux_syscall3(kLinuxArchPrctl, kArchSetFs, (long)tp, 0);
}

int main(void);

__attribute__((used)) static void start_c(void) {
    set_up_tls();
    __libc_init_array();
    exit(main());
}

__attribute__((naked)) void _start(void) {
    __asm__("xor %ebp, %ebp\n"
            "and $-16, %rsp\n"
            "call start_c\n"
            "hlt\n");
}
