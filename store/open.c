/*
 * open.c: opening, creating and closing workbook files.
 *
 * Order matters for "never modify what we cannot read": a file is first
 * opened read-only and inspected (application id, schema version,
 * quick_check, of the whole file or, for the interface, of what is read
 * first: store/check.c); only a file that passes is reopened for writing, switched
 * to WAL and migrated.  New files are made by store/create.c (0600, or
 * 0660 when shared); SQLite gives its -wal/-shm files the same mode, and
 * store/share.c gives a group's workbook's side files its group too, and
 * picks a rollback journal on network file systems.
 *
 * Durability: WAL with synchronous=FULL, so a commit is on disk when the
 * edit returns (doc/store.md explains the choice).
 *
 * Must never: print, exit(), pass a path through a shell or interpret it
 * as a URI (except the explicit immutable fallback for read-only WAL files
 * in read-only directories, which builds its own escaped URI).
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/validate.h"
#include "store/migrate.h"
#include "store/share.h"

int store_schema_version(void)
{
	return STORE_SCHEMA_VERSION;
}

static void set_user(struct store *s)
{
	const struct passwd *pw = getpwuid(getuid());
	const char *name = pw && pw->pw_name ? pw->pw_name : getenv("USER");
	snprintf(s->user, sizeof s->user, "%s", name && *name ? name : "ukjent");
}

void store_set_user(struct store *s, const char *user)
{
	snprintf(s->user, sizeof s->user, "%s", user && *user ? user : "ukjent");
}

void store_set_undo_steps(struct store *s, int steps)
{
	s->undo_steps = steps < 0 ? 0 : steps > STORE_UNDO_STEPS_MAX ? STORE_UNDO_STEPS_MAX : steps;
}

void store_set_busy_timeout(struct store *s, int ms)
{
	s->busy_ms = ms;
	sqlite3_busy_timeout(s->db, ms);
}

const char *store_path(const struct store *s)
{
	return s->path;
}

bool store_is_read_only(const struct store *s)
{
	return s->read_only;
}

const char *store_read_only_notice(const struct store *s)
{
	return s->read_only_notice;
}

void store_close(struct store *s)
{
	if (s == NULL)
		return;
	check_stop(s);
	store_stmts_end(s, true);
	sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

/*
 * Open a database by file name.  Debian's SQLite is built with USE_URI, so
 * a relative name starting with "file:" would be read as a URI even
 * without SQLITE_OPEN_URI; "./" keeps it a plain file name.
 *
 * Every connection is NOMUTEX: each is used by one thread only (the
 * whole-file check of store/check.c has its own), and Debian's
 * serialized mode took a mutex in every column read, a tenth of the
 * instructions of opening a 10 000-measure workbook.
 */
int store_open_db(const char *path, int flags, sqlite3 **db)
{
	char buf[PATH_MAX + 3];
	if (strncmp(path, "file:", 5) == 0) {
		snprintf(buf, sizeof buf, "./%s", path);
		path = buf;
	}
	return sqlite3_open_v2(path, db, flags | SQLITE_OPEN_NOMUTEX, NULL);
}

/*
 * Settings every writing connection needs.  journal_mode=WAL is persistent
 * in the file; synchronous and foreign_keys are per connection.
 */
static int configure_writer(sqlite3 *db)
{
	sqlite3_busy_timeout(db, STORE_BUSY_TIMEOUT_MS);
	int rc = store_exec(db, "PRAGMA foreign_keys = ON");
	if (rc == SQLITE_OK)
		rc = share_set_journal_mode(db); /* WAL; a rollback journal on NFS & co. */
	if (rc == SQLITE_OK)
		rc = store_exec(db, "PRAGMA synchronous = FULL");
	return rc;
}

/* Is the file (or its directory, where SQLite keeps -wal and -shm) not
 * writable?  Mode bits count too, so a file marked read-only stays so
 * even for root, who passes access(). */
static const char *read_only_reason(const char *path, const struct stat *st)
{
	if (access(path, W_OK) != 0 || (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
		return _("filen er skrivebeskyttet; arbeidsboken er åpnet bare for lesing");
	/* SQLite follows a symlink and keeps -wal/-shm beside the real file,
	 * so it is the real file's folder that must be writable. */
	char dir[PATH_MAX];
	char real[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", realpath(path, real) != NULL ? real : path);
	char *slash = strrchr(dir, '/');
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	struct stat dst;
	if (access(dir, W_OK) != 0 ||
	    (stat(dir, &dst) == 0 && (dst.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0))
		return _("mappen er skrivebeskyttet; arbeidsboken er åpnet bare for lesing");
	return NULL;
}

/* A file: URI with every byte but unreserved ones and '/' escaped. */
static char *immutable_uri(const char *path)
{
	char abs[PATH_MAX];
	if (realpath(path, abs) == NULL)
		return NULL;
	size_t n = strlen(abs);
	char *uri = malloc(n * 3 + 32);
	if (uri == NULL)
		return NULL;
	char *o = uri + sprintf(uri, "file:");
	for (const unsigned char *p = (const unsigned char *)abs; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	strcpy(o, "?immutable=1");
	return uri;
}

/*
 * A file with our application id whose tables are not the ones its schema
 * version makes (another program's tables, a half-done hand migration) or
 * without its parameters row is refused here, on the read-only
 * connection, so that nothing -- not even the switch to WAL -- touches it.
 */
static enum store_status inspect_schema(sqlite3 *db, const char *path, int version,
					struct store_error *err)
{
	bool matches = false;
	int rc = migrate_schema_matches(db, version, &matches);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, path, db, rc, _("lese"));
	if (!matches)
		return store_fail(err, STORE_NOT_WORKBOOK, path,
				  _("arbeidsboken sier den har skjemaversjon %d, men tabellene er ikke "
				  "slik den versjonen lager dem; filen er ikke endret"),
				  version);
	int64_t rows = 0;
	rc = store_query_int(db, "SELECT count(*) FROM workbook WHERE id = 1", &rows);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, path, db, rc, _("lese"));
	if (rows != 1)
		return store_fail(err, STORE_INVALID, path,
				  _("arbeidsboken mangler raden med parametre (tabellen workbook); "
				  "filen er ikke endret"));
	return STORE_OK;
}

/* Check that `db` is one of our workbooks we can read; *version is its
 * schema version.  With *whole false only what store_load() reads is
 * checked (store/check.c), unless the file needs migrating; *whole then
 * says whether all of it was.  Reads only. */
static enum store_status inspect(sqlite3 *db, const char *path, int *version, bool *whole,
				 struct store_error *err)
{
	int64_t app = 0, ver = 0;
	int rc = store_query_int(db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = store_query_int(db, "PRAGMA user_version", &ver);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, path, db, rc, _("lese"));
	if (app != STORE_APPLICATION_ID)
		return store_fail(err, STORE_NOT_WORKBOOK, path,
				  _("ikke en utenfor-arbeidsbok (en annen SQLite-database)"));
	if (ver > STORE_SCHEMA_VERSION)
		return store_fail(err, STORE_TOO_NEW, path,
				  _("arbeidsboken har skjemaversjon %lld, men dette programmet leser "
				  "bare til og med versjon %d; bruk en nyere utenfor"),
				  (long long)ver, STORE_SCHEMA_VERSION);
	if (ver < 1)
		return store_fail(err, STORE_NOT_WORKBOOK, path,
				  _("ikke en utenfor-arbeidsbok (mangler skjemaversjon)"));
	/* A file to migrate is written at once: check all of it first.  So is
	 * a small one (every municipal workbook without a long history):
	 * checking all of it costs about what the split costs, and no
	 * thread is started. */
	*whole = *whole || ver < STORE_SCHEMA_VERSION || !check_worth_splitting(db);
	enum store_status status = *whole ? check_whole(db, path, err)
					  : check_tables_read(db, path, err);
	*version = (int)ver;
	if (status == STORE_OK)
		status = inspect_schema(db, path, *version, err);
	return status;
}

static bool wal_has_commits(const char *path)
{
	char wal[PATH_MAX + 8];
	struct stat st;
	snprintf(wal, sizeof wal, "%s-wal", path);
	return stat(wal, &st) == 0 && st.st_size > 0;
}

static enum store_status open_inspected(const char *path, bool read_only, sqlite3 **out,
					int *version, bool *whole, struct store_error *err)
{
	sqlite3 *db = NULL;
	int rc = store_open_db(path, SQLITE_OPEN_READONLY, &db);
	enum store_status status = STORE_OK;
	if (rc != SQLITE_OK)
		status = store_fail_sqlite(err, path, db, rc, _("åpne"));
	else {
		sqlite3_busy_timeout(db, STORE_BUSY_TIMEOUT_MS);
		status = inspect(db, path, version, whole, err);
	}
	/* A WAL file in a directory we cannot write: SQLite cannot make the
	 * -shm file (CANTOPEN, or READONLY_CANTINIT).  Read the file as
	 * immutable (no locks, no -shm) -- unless commits still sit in the
	 * -wal, which immutable reading would silently skip. */
	int code = db ? sqlite3_errcode(db) & 0xff : SQLITE_OK;
	bool no_shm = status != STORE_OK && read_only &&
		      (code == SQLITE_CANTOPEN || code == SQLITE_READONLY);
	if (no_shm && wal_has_commits(path)) {
		status = store_fail(err, STORE_IO, path,
				    _("arbeidsboken har endringer som ikke er skrevet inn ennå, og "
				    "mappen er skrivebeskyttet; åpne den én gang der du kan skrive"));
	} else if (no_shm) {
		sqlite3_close_v2(db);
		db = NULL;
		char *uri = immutable_uri(path);
		rc = uri ? sqlite3_open_v2(uri, &db,
					   SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
					   NULL)
			 : SQLITE_NOMEM;
		free(uri);
		status = rc == SQLITE_OK ? inspect(db, path, version, whole, err)
					 : store_fail_sqlite(err, path, db, rc, _("åpne"));
	}
	if (status != STORE_OK) {
		sqlite3_close_v2(db);
		return status;
	}
	*out = db;
	return STORE_OK;
}

static enum store_status migrate_file(struct store *s, struct store_error *err);

/*
 * The migration runs before the switch to WAL: a file in rollback-journal
 * mode (what version 1 wrote) stays in it until the migration committed,
 * so a migration that fails leaves the file exactly as it was.
 */
static enum store_status open_writer(struct store *s, int version, struct store_error *err)
{
	int rc = store_open_db(s->path, SQLITE_OPEN_READWRITE, &s->db);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
		rc = store_exec(s->db, "PRAGMA foreign_keys = ON");
	}
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("åpne"));
	enum store_status status = version < STORE_SCHEMA_VERSION ? migrate_file(s, err) : STORE_OK;
	if (status == STORE_OK && (rc = configure_writer(s->db)) != SQLITE_OK)
		status = share_fail_journal_mode(s->path, s->db, rc, err);
	return status;
}

static enum store_status migrate_file(struct store *s, struct store_error *err)
{
	int rc = store_exec(s->db, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("oppgradere"));
	/* Another process may have migrated while we waited for the lock. */
	int64_t now = 0;
	rc = store_query_int(s->db, "PRAGMA user_version", &now);
	if (rc == SQLITE_OK && now < STORE_SCHEMA_VERSION)
		rc = migrate_run(s->db, (int)now);
	if (rc == SQLITE_OK)
		rc = store_exec(s->db, "COMMIT");
	if (rc != SQLITE_OK) {
		enum store_status st = store_fail_sqlite(err, s->path, s->db, rc, _("oppgradere"));
		store_exec(s->db, "ROLLBACK");
		return st;
	}
	return STORE_OK;
}

enum store_status store_open(const char *path, unsigned flags, struct store **out,
			     struct store_error *err)
{
	*out = NULL;
	if (path == NULL || *path == '\0')
		return store_fail(err, STORE_IO, _("arbeidsbok"), _("ingen fil oppgitt"));
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno != ENOENT)
			return store_fail(err, STORE_IO, path, _("kan ikke åpnes (%s)"),
					  store_errno_text(errno));
		if (!(flags & STORE_OPEN_CREATE_DEFAULT) || (flags & STORE_OPEN_READ_ONLY))
			return store_fail(err, STORE_IO, path, _("finnes ikke"));
		struct workbook wb;
		workbook_init(&wb);
		if (store_default_workbook(&wb) != 0) {
			workbook_free(&wb);
			return store_fail(err, STORE_NOMEM, path, _("ikke nok minne"));
		}
		enum store_status cs = store_create(path, &wb, err);
		workbook_free(&wb);
		if (cs != STORE_OK && cs != STORE_EXISTS)
			return cs;
		if (stat(path, &st) != 0)
			return store_fail(err, STORE_IO, path, _("finnes ikke"));
	}
	if (S_ISDIR(st.st_mode))
		return store_fail(err, STORE_IO, path, _("er en mappe, ikke en arbeidsbok"));
	/* A FIFO or device would make SQLite's open() wait or misbehave. */
	if (!S_ISREG(st.st_mode))
		return store_fail(err, STORE_NOT_WORKBOOK, path,
				  _("ikke en utenfor-arbeidsbok (ikke en vanlig fil)"));

	struct store *s = calloc(1, sizeof *s);
	if (s == NULL || (s->path = strdup(path)) == NULL) {
		free(s);
		return store_fail(err, STORE_NOMEM, path, _("ikke nok minne"));
	}
	set_user(s);
	s->undo_steps = STORE_UNDO_STEPS_DEFAULT;
	s->stmts_on = true;
	s->read_only = (flags & STORE_OPEN_READ_ONLY) != 0;
	if (!s->read_only) {
		s->read_only_notice = read_only_reason(path, &st);
		s->read_only = s->read_only_notice != NULL;
	}

	/* A group's workbook: side files in its group before SQLite makes them. */
	share_prepare_side_files(path, &st);
	sqlite3 *probe = NULL;
	int version = 0;
	/* A read-only store never writes, so nothing would take the thread's
	 * verdict: it checks the whole file now, as without the flag. */
	bool whole = !(flags & STORE_OPEN_CHECK_LATER) || s->read_only;
	enum store_status status =
		open_inspected(path, s->read_only, &probe, &version, &whole, err);
	s->whole_checked = whole;
	if (status == STORE_OK && s->read_only) {
		s->db = probe;
		if (version < STORE_SCHEMA_VERSION)
			status = store_fail(err, STORE_READ_ONLY, path,
					    _("arbeidsboken har skjemaversjon %d og må oppgraderes, "
					    "men kan bare leses"),
					    version);
	} else if (status == STORE_OK) {
		sqlite3_close_v2(probe);
		store_sweep_stale(path);
		status = open_writer(s, version, err);
	}
	if (status == STORE_OK) {
		s->busy_ms = STORE_BUSY_TIMEOUT_MS;
		status = store_identity_remember(s, &st, err);
	}
	if (status != STORE_OK) {
		store_close(s);
		return status;
	}
	int64_t dv = 0;
	if (store_query_int(s->db, "PRAGMA data_version", &dv) == SQLITE_OK)
		s->data_version = dv;
	share_fix_side_files(path, &st);
	if (!s->whole_checked)
		check_start(s);
	*out = s;
	return STORE_OK;
}

bool store_changed_elsewhere(struct store *s)
{
	/* A deleted or replaced file counts: the reload then says so. */
	if (store_identity_check(s, NULL) != STORE_OK)
		return true;
	int64_t dv = 0;
	if (store_query_int(s->db, "PRAGMA data_version", &dv) != SQLITE_OK)
		return false;
	return dv != s->data_version;
}

enum store_status store_load(struct store *s, struct workbook *out, struct store_error *err)
{
	enum store_status status = store_identity_check(s, err);
	if (status != STORE_OK)
		return status;
	status = rows_load(s, out, err);
	if (status != STORE_OK)
		return status;
	struct problems pr;
	problems_clear(&pr);
	if (validate_workbook(out, &pr))
		return STORE_OK;
	/* Name the row too, so the user can find it without counting. */
	char prefix[TEXT_NAME_SIZE + 200];
	snprintf(prefix, sizeof prefix, "%s", _("arbeidsboken bryter modellens regler: "));
	size_t index = 0;
	const char *where = pr.count > 0 ? pr.list[0].path : "";
	if (sscanf(where, "measures[%zu]", &index) == 1 && index < out->measure_count)
		snprintf(prefix, sizeof prefix,
			 _("arbeidsboken bryter modellens regler i tiltaket «%s»: "),
			 out->measures[index].name);
	else if (sscanf(where, "groups[%zu]", &index) == 1 && index < out->group_count)
		snprintf(prefix, sizeof prefix,
			 _("arbeidsboken bryter modellens regler i målgruppen «%s»: "),
			 out->groups[index].name);
	store_fail_problems(err, STORE_INVALID, s->path, prefix, &pr);
	workbook_free(out);
	return STORE_INVALID;
}

bool store_default_path(char *buf, size_t size)
{
	char base[PATH_MAX];
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg != NULL && xdg[0] == '/') {
		snprintf(base, sizeof base, "%s", xdg);
	} else {
		if (home == NULL || *home == '\0') {
			const struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
		if (home == NULL || *home == '\0')
			return false;
		snprintf(base, sizeof base, "%s/.local/share", home);
	}
	/* mkdir -p, each level 0700; existing levels are left as they are. */
	char dir[PATH_MAX];
	int n = snprintf(dir, sizeof dir, "%s/utenfor", base);
	if (n < 0 || (size_t)n >= sizeof dir)
		return false;
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return false;
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return false;
	n = snprintf(buf, size, "%s/arbeidsbok.utenfor", dir);
	return n >= 0 && (size_t)n < size;
}
