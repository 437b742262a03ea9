/*
 * build_tree.h: running the program from its build folder as if installed.
 *
 * `make` writes a marker file, utenfor-build-tree, next to the binary it
 * links; `make install` never installs it.  A binary that finds the marker
 * beside itself (found through /proc/self/exe, not argv[0] or the current
 * folder) and is not in the configured $(bindir) reads its translations
 * from the build folder's locale/ and its shipped themes from the source
 * folder named in the marker.  It does so by filling in UTENFOR_LOCALEDIR
 * and UTENFOR_THEMES_DIR, the overrides i18n/ and config/ already honour,
 * so a value the user set himself always wins.  doc/config.md explains it.
 */
#ifndef UTENFOR_CLI_BUILD_TREE_H
#define UTENFOR_CLI_BUILD_TREE_H

#include <stdbool.h>
#include <stddef.h>

/* The marker's file name, written by cli/local.mk. */
#define BUILD_TREE_MARKER "utenfor-build-tree"

/*
 * Decide from `exe_dir` (the folder holding the running binary) and
 * `bindir` (where it would be installed) whether this is a build-tree run.
 * When it is, fill `srcdir` from the marker ("srcdir=" line) and return
 * true.  Reads only the marker; never prints.
 */
bool build_tree_find(const char *exe_dir, const char *bindir, char *srcdir, size_t size);

/*
 * At start-up, before i18n_init(): when the running binary is a build-tree
 * one, set UTENFOR_LOCALEDIR and UTENFOR_THEMES_DIR (each only when unset or
 * empty).  Returns true when it did.  Never prints or exits.
 */
bool build_tree_apply(void);

#endif
