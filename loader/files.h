/*
 * files.h — the few questions the loader and start-up ask the file
 * system: is this path a file, a directory, and what does a file hold.
 * Used by the import system (import.c), the standard library's location
 * (modules/sys.c) and the site-packages directories (modules/sitedirs.c).
 */
#ifndef PVM_FILES_H
#define PVM_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* stat() says a regular file (is_file) or a directory (is_dir); symbolic
 * links are followed, as os.path.isfile and os.path.isdir follow them. */
bool ld_is_file(const char *path);
bool ld_is_dir(const char *path);

/* The whole of a file in a pointer-free GC block, followed by a NUL that
 * *size does not count; NULL with errno set when it cannot be opened or
 * read, or holds 1 GiB or more. */
void *ld_read_file(const char *path, size_t *size);

#endif
