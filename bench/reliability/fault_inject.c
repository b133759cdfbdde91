/* LD_PRELOAD shim for gopy_bench_reliability: while the file named by GOPY_FAULT_FLAG exists,
 * writes and syncs of the server's database files (gopy.db, its -wal and -journal) fail with
 * the errno the flag file names ("ENOSPC" for a full disk, anything else EIO), as a full or
 * failing disk makes them fail. Nothing else of the process is touched. Bench only: never
 * linked into GopY. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fault_errno(int fd) {
    const char* flag = getenv("GOPY_FAULT_FLAG");
    if (!flag) return 0;
    int saved = errno;
    FILE* f = fopen(flag, "r");
    if (!f) {
        errno = saved;
        return 0;
    }
    char kind[16] = {0};
    if (!fgets(kind, sizeof kind, f)) kind[0] = 0;
    fclose(f);
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    errno = saved;
    if (n <= 0) return 0;
    path[n] = 0;
    if (!strstr(path, "/gopy.db")) return 0;
    return strncmp(kind, "ENOSPC", 6) == 0 ? ENOSPC : EIO;
}

typedef ssize_t (*write_fn)(int, const void*, size_t);
typedef ssize_t (*pwrite_fn)(int, const void*, size_t, off_t);
typedef int (*sync_fn)(int);

#define REAL(name, type) static type real_##name; if (!real_##name) real_##name = (type)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void* buf, size_t count) {
    REAL(write, write_fn);
    int e = fault_errno(fd);
    if (e) { errno = e; return -1; }
    return real_write(fd, buf, count);
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset) {
    REAL(pwrite, pwrite_fn);
    int e = fault_errno(fd);
    if (e) { errno = e; return -1; }
    return real_pwrite(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t count, off_t offset) {
    REAL(pwrite64, pwrite_fn);
    int e = fault_errno(fd);
    if (e) { errno = e; return -1; }
    return real_pwrite64(fd, buf, count, offset);
}

int fsync(int fd) {
    REAL(fsync, sync_fn);
    int e = fault_errno(fd);
    if (e) { errno = EIO; return -1; }
    return real_fsync(fd);
}

int fdatasync(int fd) {
    REAL(fdatasync, sync_fn);
    int e = fault_errno(fd);
    if (e) { errno = EIO; return -1; }
    return real_fdatasync(fd);
}
