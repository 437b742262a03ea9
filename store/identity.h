/*
 * identity.h: is the workbook's path still the file we have open?
 *
 * A user may delete the workbook, move it away, or put a backup in its
 * place while a TUI has it open.  SQLite keeps using the file it opened
 * but finds its -wal and -shm by name, so writing on would lose every
 * later edit (after rm) or, worse, leave this file's log next to the
 * restored one, where the next opener applies it and corrupts it.
 *
 * So the store remembers the file's device and inode when it opens it
 * and compares them with what the path names now, before every write
 * transaction and whenever the UI polls (store_changed_elsewhere).  On a
 * mismatch the store is *detached*: nothing is written any more, every
 * edit and load returns STORE_DETACHED with a message saying what
 * happened and what to do, and closing leaves the side files alone (no
 * checkpoint of someone else's log into our file, no deleting a -wal
 * that now belongs to the restored file).
 *
 * And so that there is no old log to apply in the first place, every
 * commit is followed by a checkpoint that empties the -wal (it does not
 * wait: with a colleague's read in progress it is left to the next one).
 *
 * Must never: print, block.
 */
#ifndef UTENFOR_STORE_IDENTITY_H
#define UTENFOR_STORE_IDENTITY_H

#include <stdbool.h>
#include <sys/stat.h>
#include <sys/types.h>

#define STORE_DETACHED_SIZE 400

struct store_identity {
	dev_t dev;
	ino_t ino;
	bool known;    /* dev/ino were recorded */
	bool detached; /* the path no longer names our file */
	char message[STORE_DETACHED_SIZE];
};

struct store;
struct store_error;

/*
 * Record the identity of the file just opened; `before` is its stat from
 * before the open.  Returns STORE_IO when the path changed meanwhile.
 */
enum store_status store_identity_remember(struct store *s, const struct stat *before,
					  struct store_error *err);

/* STORE_OK while the path names our file; STORE_DETACHED (err filled,
 * may be NULL; the message starts with the file's name, not its folder)
 * from the first time it does not. */
enum store_status store_identity_check(struct store *s, struct store_error *err);

/* After a commit: empty the -wal into the file, without waiting. */
void store_identity_after_commit(struct store *s);

#endif
