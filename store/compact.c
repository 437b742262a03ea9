/*
 * compact.c: store_compact(), `utenfor compact`: give the pages that
 * pruned undo steps and deleted rows freed back to the file system
 * (VACUUM), in place, through the store's own writing connection.
 *
 * Why in place and not VACUUM INTO + rename: a rename would hand open
 * readers (a colleague's TUI) a file that is no longer the one they hold,
 * which store/identity.c then reports as "replaced" and stops writing;
 * VACUUM in place keeps the file and its inode, goes through the WAL like
 * any commit (readers keep their snapshot, then see the same rows), and
 * takes the write lock like any edit, so a writer elsewhere makes it wait
 * (and give STORE_BUSY after the busy timeout), never interleave.
 *
 * Must never: run on a read-only or detached store; change a row.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

enum store_status store_compact(struct store *s, struct store_error *err)
{
	if (s->read_only)
		return store_fail(err, STORE_READ_ONLY, s->path,
				  _("arbeidsboken er åpnet bare for lesing; kan ikke komprimere"));
	enum store_status same = store_identity_check(s, err);
	if (same != STORE_OK)
		return same;
	enum store_status sound = check_before_write(s, err);
	if (sound != STORE_OK)
		return sound;
	int rc = store_exec(s->db, "VACUUM");
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("komprimere"));
	/* Checkpoint the rewritten pages into the file, as after every commit. */
	store_identity_after_commit(s);
	return STORE_OK;
}
