/*
 * ini_write.c: in-place edit of one INI value, written atomically.
 *
 * Must never: print, exit, use iniparser_dump_ini, or leave the file half
 * written (temporary file + rename in the same folder).
 */
#include "config.h"

#include "i18n/i18n.h"
#include "config/ini_write.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/ini.h"
#include "config/paths.h"

struct text {
	char *data;
	size_t len, cap;
};

static bool text_add(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 1024;
		while (cap < t->len + n + 1)
			cap *= 2;
		char *d = realloc(t->data, cap);
		if (d == NULL)
			return false;
		t->data = d;
		t->cap = cap;
	}
	memcpy(t->data + t->len, s, n);
	t->len += n;
	t->data[t->len] = '\0';
	return true;
}

static bool text_adds(struct text *t, const char *s)
{
	return text_add(t, s, strlen(s));
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Read the whole file; a missing file reads as empty.  Caller frees. */
static int read_all(const char *path, struct text *out, struct config_messages *msgs)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		if (errno == ENOENT)
			return text_add(out, "", 0) ? 0 : -1;
		config_messages_add(msgs, path, 0, _("kan ikke lese filen (%s); ingenting ble lagret"),
				    strerror(errno));
		return -1;
	}
	char buf[4096];
	size_t n;
	bool ok = text_add(out, "", 0);
	while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0)
		ok = text_add(out, buf, n);
	bool err = ferror(f);
	fclose(f);
	if (!ok || err) {
		config_messages_add(msgs, path, 0, _("kan ikke lese filen; ingenting ble lagret"));
		return -1;
	}
	return 0;
}

/* s[0..n) without blanks at the ends, lower-cased, equals `want`? */
static bool same_name(const char *s, size_t n, const char *want)
{
	while (n > 0 && blank(*s)) {
		s++;
		n--;
	}
	while (n > 0 && blank(s[n - 1]))
		n--;
	return n == strlen(want) && strncasecmp(s, want, n) == 0;
}

/* If the line is a section header, copy its name (lower-case) to `name`. */
static bool header_name(const char *line, size_t n, char *name, size_t size)
{
	while (n > 0 && blank(*line)) {
		line++;
		n--;
	}
	while (n > 0 && blank(line[n - 1]))
		n--;
	if (n < 2 || line[0] != '[' || line[n - 1] != ']')
		return false;
	const char *end = memchr(line + 1, ']', n - 1);
	size_t len = (size_t)(end - line - 1);
	const char *s = line + 1;
	while (len > 0 && blank(*s)) {
		s++;
		len--;
	}
	while (len > 0 && blank(s[len - 1]))
		len--;
	snprintf(name, size, "%.*s", (int)len, s);
	ini_lower(name);
	return true;
}

/* Where the key part of "key = value" ends ('=' position), or NULL. */
static const char *pair_eq(const char *line, size_t n)
{
	const char *p = line;
	while (p < line + n && blank(*p))
		p++;
	if (p == line + n || *p == '#' || *p == ';' || *p == '[')
		return NULL;
	const char *eq = memchr(p, '=', (size_t)(line + n - p));
	return eq == p ? NULL : eq;
}

/* The trailing comment of a value (" ; note"), as iniparser would drop it. */
static const char *trailing_comment(const char *eq, const char *end)
{
	const char *v = eq + 1;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	if (v < end && (*v == '"' || *v == '\'')) {
		const char *close = memchr(v + 1, *v, (size_t)(end - v - 1));
		if (close == NULL)
			return end;
		v = close + 1;
	} else {
		while (v < end && *v != ';' && *v != '#')
			v++;
		while (v > eq + 1 && (v[-1] == ' ' || v[-1] == '\t'))
			v--;
	}
	return v;
}

static int format_value(const char *value, char *out, size_t size, const char *path,
			struct config_messages *msgs)
{
	if (strpbrk(value, "\r\n") != NULL) {
		config_messages_add(msgs, path, 0, _("verdien kan ikke inneholde linjeskift"));
		return -1;
	}
	size_t n = strlen(value);
	bool quote = n == 0 || blank(value[0]) || blank(value[n - 1]) ||
		     strpbrk(value, "#;\"'") != NULL || value[n - 1] == '\\';
	int len;
	if (!quote)
		len = snprintf(out, size, "%s", value);
	else if (strchr(value, '"') == NULL)
		len = snprintf(out, size, "\"%s\"", value);
	else if (strchr(value, '\'') == NULL)
		len = snprintf(out, size, "'%s'", value);
	else {
		config_messages_add(msgs, path, 0,
				    _("verdien kan ikke inneholde både \" og ' (iniparser kan ikke "
				    "lese den)"));
		return -1;
	}
	if (len < 0 || (size_t)len >= size) {
		config_messages_add(msgs, path, 0, _("verdien er for lang for én linje (høyst %d tegn)"),
				    INI_LINE_MAX);
		return -1;
	}
	return 0;
}

/* Build the new file text in `out`. */
static bool edit(const struct text *in, const char *section, const char *key, const char *value,
		 struct text *out)
{
	const char *nl = strstr(in->data, "\r\n") != NULL ? "\r\n" : "\n";
	/* Find the last line with the key in the section (iniparser keeps the
	 * last), and the end of the section's last key line. */
	const char *target = NULL, *target_end = NULL, *section_end = NULL;
	char current[256] = "";
	bool have_section = false;
	const char *p = in->data, *end = in->data + in->len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next = eol ? eol + 1 : end;
		size_t n = (size_t)((eol ? eol : end) - p);
		char name[256];
		if (header_name(p, n, name, sizeof name)) {
			snprintf(current, sizeof current, "%s", name);
			if (strcmp(current, section) == 0) {
				have_section = true;
				section_end = next;
			}
		} else if (strcmp(current, section) == 0) {
			const char *eq = pair_eq(p, n);
			if (eq != NULL && same_name(p, (size_t)(eq - p), key)) {
				target = p;
				/* A value continued with '\' spans the next lines too. */
				const char *le = p + n;
				while (le > p && blank(le[-1]))
					le--;
				while (le > p && le[-1] == '\\' && next < end) {
					const char *e2 = memchr(next, '\n', (size_t)(end - next));
					next = e2 ? e2 + 1 : end;
					le = e2 ? e2 : end;
					while (le > p && blank(le[-1]))
						le--;
				}
				target_end = next;
			}
			/* Insert after the section's last key, not after comments
			 * that introduce whatever follows. */
			if (eq != NULL)
				section_end = next;
		}
		p = next;
	}

	bool ok = true;
	if (target != NULL) {
		size_t line_len = (size_t)(target_end - target);
		const char *line_stop = memchr(target, '\n', line_len);
		if (line_stop == NULL)
			line_stop = target_end;
		const char *eq = memchr(target, '=', (size_t)(line_stop - target));
		const char *keep_to = eq;
		while (keep_to > target && (keep_to[-1] == ' ' || keep_to[-1] == '\t'))
			keep_to--;
		const char *cr_end = line_stop;
		if (cr_end > target && cr_end[-1] == '\r')
			cr_end--;
		const char *comment = trailing_comment(eq, cr_end);
		ok = text_add(out, in->data, (size_t)(keep_to - in->data)) && text_adds(out, " = ") &&
		     text_adds(out, value) && text_add(out, comment, (size_t)(cr_end - comment)) &&
		     (target_end == end && target_end[-1] != '\n' ? true : text_adds(out, nl)) &&
		     text_add(out, target_end, (size_t)(end - target_end));
	} else if (have_section) {
		size_t head = (size_t)(section_end - in->data);
		bool needs_nl = head > 0 && in->data[head - 1] != '\n';
		ok = text_add(out, in->data, head) && (!needs_nl || text_adds(out, nl)) &&
		     text_adds(out, key) && text_adds(out, " = ") && text_adds(out, value) &&
		     text_adds(out, nl) && text_add(out, section_end, in->len - head);
	} else {
		ok = text_add(out, in->data, in->len);
		if (ok && in->len > 0 && in->data[in->len - 1] != '\n')
			ok = text_adds(out, nl);
		if (ok && in->len > 0)
			ok = text_adds(out, nl);
		ok = ok && text_adds(out, "[") && text_adds(out, section) && text_adds(out, "]") &&
		     text_adds(out, nl) && text_adds(out, key) && text_adds(out, " = ") &&
		     text_adds(out, value) && text_adds(out, nl);
	}
	return ok;
}

static int make_parent(const char *path)
{
	char dir[CONFIG_PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash == NULL || slash == dir)
		return 0;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(dir, 0777) != 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

static int write_atomically(const char *path, const struct text *t, struct config_messages *msgs)
{
	char tmp[CONFIG_PATH_MAX + 16];
	snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		config_messages_add(msgs, path, 0, _("kan ikke skrive i mappen (%s); ingenting ble lagret"),
				    strerror(errno));
		return -1;
	}
	struct stat st;
	mode_t mode = 0644;
	if (stat(path, &st) == 0)
		mode = st.st_mode & 07777;
	size_t done = 0;
	while (done < t->len) {
		ssize_t n = write(fd, t->data + done, t->len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	int err = done == t->len ? 0 : errno ? errno : EIO;
	if (err == 0 && fchmod(fd, mode) != 0)
		err = errno;
	if (err == 0 && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && err == 0)
		err = errno;
	if (err == 0 && rename(tmp, path) != 0)
		err = errno;
	if (err != 0) {
		unlink(tmp);
		config_messages_add(msgs, path, 0, _("kunne ikke lagre (%s); filen er uendret"),
				    strerror(err));
		return -1;
	}
	return 0;
}

int config_set_value(const char *path, const char *section, const char *key, const char *value,
		     struct config_messages *msgs)
{
	char def[CONFIG_PATH_MAX];
	if (path == NULL) {
		if (!config_file(def, sizeof def)) {
			config_messages_add(msgs, NULL, 0,
					    _("finner ikke mappen for innstillinger (verken "
					    "XDG_CONFIG_HOME eller HOME er satt); ingenting ble lagret"));
			return -1;
		}
		path = def;
	}
	/* Write through a symlink (dotfile managers) instead of replacing it. */
	char real[PATH_MAX];
	if (realpath(path, real) != NULL)
		path = real;

	char quoted[INI_LINE_MAX + 1];
	if (format_value(value, quoted, sizeof quoted, path, msgs) != 0)
		return -1;
	char sec[64], k[64];
	snprintf(sec, sizeof sec, "%s", section);
	snprintf(k, sizeof k, "%s", key);
	ini_lower(sec);
	ini_lower(k);
	if (strlen(k) + strlen(quoted) + 3 > INI_LINE_MAX) {
		config_messages_add(msgs, path, 0, _("verdien er for lang for én linje (høyst %d tegn)"),
				    INI_LINE_MAX);
		return -1;
	}

	struct text in = {0}, out = {0};
	int rc = -1;
	if (read_all(path, &in, msgs) == 0) {
		if (!edit(&in, sec, k, quoted, &out))
			config_messages_add(msgs, path, 0, _("tomt for minne; ingenting ble lagret"));
		else if (make_parent(path) != 0)
			config_messages_add(msgs, path, 0,
					    _("kan ikke lage mappen (%s); ingenting ble lagret"),
					    strerror(errno));
		else
			rc = write_atomically(path, &out, msgs);
	}
	free(in.data);
	free(out.data);
	return rc;
}
