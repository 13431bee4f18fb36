/*
 * Link test: a program using the common parts of picolibc (string, ctype,
 * stdlib with malloc and qsort, tinystdio's printf family with floating
 * point, errno, assert) must compile against picolibc's headers and link
 * statically for every os:cairn platform, with only the runtime's hooks
 * (here: hooks_stub.c) undefined in the library.
 */

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare_ints(const void *a, const void *b) {
    int x = *(const int *)a;
    int y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(void) {
    char buffer[128];
    int numbers[] = {5, 3, 9, 1};
    qsort(numbers, sizeof numbers / sizeof numbers[0], sizeof numbers[0], compare_ints);

    snprintf(buffer, sizeof buffer, "%d %s %5.2f %llx %" PRIu64, numbers[0], "x", 3.14159, 0xabcULL,
             (uint64_t)UINT64_MAX);
    puts(buffer);
    printf("%g %e %zu\n", strtod("2.5e3", NULL), 1e-300, strlen(buffer));

    char *copy = strdup(buffer);
    assert(copy != NULL);
    for (char *p = copy; *p; ++p)
        *p = (char)toupper((unsigned char)*p);
    fprintf(stderr, "%s\n", copy);
    free(copy);

    errno = 0;
    long value = strtol("99999999999999999999", NULL, 10);
    if (value != LONG_MAX || errno != ERANGE)
        return 1;

    void *block = calloc(16, 32);
    block = realloc(block, 4096);
    free(block);
    return memcmp(buffer, "1", 1) != 0;
}
