/*
 * identity.c: noticing that the workbook's path was deleted or replaced
 * under an open store (see identity.h for why and what follows).
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

enum store_status store_identity_remember(struct store *s, const struct stat *before,
					  struct store_error *err)
{
	struct stat now;
	if (stat(s->path, &now) != 0 || now.st_dev != before->st_dev ||
	    now.st_ino != before->st_ino)
		return store_fail(err, STORE_IO, s->path,
				  _("filen ble byttet ut mens den ble åpnet; prøv igjen"));
	s->ident.dev = now.st_dev;
	s->ident.ino = now.st_ino;
	s->ident.known = true;
	return STORE_OK;
}

/* Stop writing for good, and make closing harmless to whatever file now
 * has our name. */
static void detach(struct store *s, bool gone)
{
	s->ident.detached = true;
	/* No checkpoint at close: a log there may be the new file's. */
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	int persist = 1; /* and no deleting its -wal either */
	sqlite3_file_control(s->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	snprintf(s->ident.message, sizeof s->ident.message, "%s",
		 gone ? _("filen er slettet eller flyttet mens den var åpen; ingenting lagres "
			  "lenger. Avslutt og åpne arbeidsboken på nytt der den ligger nå")
		      : _("filen er byttet ut med en annen mens den var åpen; ingenting lagres "
			  "lenger, så den nye filen ikke skades. Avslutt og åpne den på nytt"));
}

enum store_status store_identity_check(struct store *s, struct store_error *err)
{
	if (!s->ident.known)
		return STORE_OK;
	if (!s->ident.detached) {
		struct stat st;
		if (stat(s->path, &st) == 0) {
			if (st.st_dev == s->ident.dev && st.st_ino == s->ident.ino)
				return STORE_OK;
			detach(s, false);
		} else if (errno == ENOENT || errno == ENOTDIR) {
			detach(s, true);
		} else {
			return STORE_OK; /* cannot tell (EACCES, EIO): SQLite will say */
		}
	}
	return store_fail(err, STORE_DETACHED, s->path, "%s", s->ident.message);
}

void store_identity_after_commit(struct store *s)
{
	/* Not waiting for readers: a busy checkpoint is retried next time
	 * (and by SQLite's own automatic checkpoints). */
	sqlite3_busy_timeout(s->db, 0);
	(void)sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	sqlite3_busy_timeout(s->db, s->busy_ms);
}

const char *store_detached_message(const struct store *s)
{
	return s->ident.detached ? s->ident.message : NULL;
}
