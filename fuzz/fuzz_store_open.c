/*
 * fuzz_store_open.c: libFuzzer target for opening mutated workbook files
 * (store/).  Each input is written to a private temporary file and opened
 * twice: read-only, then for writing (which may migrate it), and through
 * the writer an edit, an undo and a redo, and a sector inserted, deleted
 * and brought back, are tried on whatever the mutated file holds.
 *
 * Invariants: the store refuses or loads without crashing; a refusal says
 * why; a workbook it hands back always passes validation, also after each
 * edit, undo or redo it reports as done.
 *
 * Must never: touch any file but its own temporary one (and SQLite's
 * -wal/-shm/-journal beside it).  The file lives in /dev/shm when there is
 * one, since the store's synchronous=FULL commits would otherwise make the
 * run wait on the disk.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/validate.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void remove_all(const char *path)
{
	char side[128];
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(side, sizeof side, "%s%s", path, suffixes[i]);
		unlink(side);
	}
}

static void need_message(const struct store_error *err)
{
	if (err->message[0] == '\0' || memchr(err->message, '\0', sizeof err->message) == NULL)
		abort(); /* a refusal must say why */
}

/* Load through `s` and check what comes back; false when it was refused. */
static bool load_valid(struct store *s, struct workbook *wb)
{
	static struct problems problems; /* large: keep it off the stack */
	struct store_error err = {0};
	if (store_load(s, wb, &err) != STORE_OK) {
		need_message(&err);
		return false;
	}
	if (!validate_workbook(wb, &problems))
		abort();
	return true;
}

static void try_edits(struct store *s, struct workbook *wb)
{
	struct store_error err = {0};
	/* An edit that changes nothing still runs the whole write path. */
	enum store_status st = store_update_params(s, &wb->params, "fuzz", &err);
	if (st != STORE_OK)
		need_message(&err);
	else if (!load_valid(s, wb))
		return;
	if (store_undo(s, &err) == STORE_OK && !load_valid(s, wb))
		return;
	if (store_redo(s, &err) == STORE_OK && !load_valid(s, wb))
		return;
	/* The version-3 rows: a sector in and out again (refused, with a
	 * message, when the mutated file already has one of that id). */
	struct sector sec;
	memset(&sec, 0, sizeof sec);
	text_set(sec.id, sizeof sec.id, "fuzz-sektor");
	text_set(sec.name, sizeof sec.name, "Fuzz");
	sec.bearer = BEARER_KOMMUNE;
	st = store_insert_sector(s, &sec, "fuzz", &err);
	if (st != STORE_OK) {
		need_message(&err);
		return;
	}
	if (!load_valid(s, wb))
		return;
	if (store_delete_sector(s, &sec, "fuzz", &err) != STORE_OK)
		need_message(&err);
	else if (store_undo(s, &err) == STORE_OK)
		load_valid(s, wb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct stat shm;
	const char *dir = stat("/dev/shm", &shm) == 0 && S_ISDIR(shm.st_mode) ? "/dev/shm" : "/tmp";
	char path[64];
	snprintf(path, sizeof path, "%s/utenfor-fuzz-XXXXXX", dir);
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		remove_all(path);
		return 0;
	}
	close(fd);

	struct store *s = NULL;
	struct store_error err = {0};
	struct workbook wb;
	workbook_init(&wb);
	if (store_open(path, STORE_OPEN_READ_ONLY, &s, &err) == STORE_OK) {
		load_valid(s, &wb);
		store_close(s);
	} else {
		need_message(&err);
	}

	s = NULL;
	memset(&err, 0, sizeof err);
	if (store_open(path, 0, &s, &err) == STORE_OK) {
		if (load_valid(s, &wb))
			try_edits(s, &wb);
		store_close(s);
	} else {
		need_message(&err);
	}
	workbook_free(&wb);
	remove_all(path);
	return 0;
}
