/*
 * fuzz_config.c: libFuzzer target for the configuration reader (config/):
 * each input is written to a private folder once as config.ini and once as
 * a theme file, then loaded through config_load() (settings, keys, and the
 * theme the config names), theme_load_file() and theme_resolve().
 *
 * Invariants beyond "no crash, no sanitizer report": loading never fails,
 * whatever comes back is within the documented ranges (so the TUI can use
 * it without checking), the key map has no conflicts, resolved colours are
 * -1 or palette indexes below the terminal's count, and every message
 * formats.
 *
 * Must never: write outside its own temporary folder.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One folder for the whole run: mkdtemp per input would dominate the time. */
struct fuzz_dir {
	char root[64];
	char config[96];
	char theme[96];
	bool ready;
};

static void remove_files(void);

static struct fuzz_dir *dir(void)
{
	static struct fuzz_dir d;
	if (!d.ready) {
		strcpy(d.root, "/tmp/utenfor-fuzz-config-XXXXXX");
		if (mkdtemp(d.root) == NULL)
			abort();
		snprintf(d.config, sizeof d.config, "%s/config.ini", d.root);
		/* Named "fz" so that a config saying `theme = fz` loads it. */
		snprintf(d.theme, sizeof d.theme, "%s/fz.ini", d.root);
		d.ready = true;
		atexit(remove_files);
	}
	return &d;
}

static void remove_files(void)
{
	struct fuzz_dir *d = dir();
	unlink(d->config);
	unlink(d->theme);
	rmdir(d->root);
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, f) != size)
		abort();
	if (fclose(f) != 0)
		abort();
}

static void check_messages(const struct config_messages *msgs)
{
	char line[256];
	for (size_t i = 0; i < msgs->count; i++) {
		if (msgs->items[i].text == NULL || msgs->items[i].line < 0)
			abort();
		if (config_message_format(&msgs->items[i], line, sizeof line) < 0)
			abort();
	}
}

static void check_style(const struct theme *t, int colors)
{
	struct resolved_theme r;
	theme_resolve(t, colors, false, &r);
	for (int e = 0; e < UI_ELEMENT_COUNT; e++) {
		const struct resolved_style *s = &r.style[e];
		if (!r.color)
			continue;
		if (s->fg < -1 || s->bg < -1 || s->fg >= colors || s->bg >= colors)
			abort();
	}
}

static void check_theme(const struct theme *t)
{
	if (memchr(t->id, '\0', sizeof t->id) == NULL ||
	    memchr(t->name, '\0', sizeof t->name) == NULL)
		abort();
	check_style(t, 256);
	check_style(t, 16);
	check_style(t, 8);
	check_style(t, 0);
}

static void check_config(const struct config *c)
{
	const struct settings *s = &c->settings;
	if (s->horizon < HORIZON_MIN || s->horizon > HORIZON_MAX)
		abort();
	if (s->decimals < 0 || s->decimals > SETTINGS_DECIMALS_MAX)
		abort();
	if (s->discount.mode == DISCOUNT_FLAT &&
	    !(s->discount.rate >= 0 && s->discount.rate <= SETTINGS_RATE_PERCENT_MAX / 100.0))
		abort();
	if ((unsigned)s->key_scheme >= KEY_SCHEME_COUNT)
		abort();
	if (memchr(s->theme, '\0', sizeof s->theme) == NULL ||
	    memchr(s->workbook, '\0', sizeof s->workbook) == NULL)
		abort();
	if (c->keys.count > KEYMAP_MAX || keymap_count_conflicts(&c->keys) != 0)
		abort();
	char hint[128];
	for (int a = 0; a < ACTION_COUNT; a++)
		if (keymap_describe(&c->keys, (enum action)a, 0, hint, sizeof hint) < 0)
			abort();
	check_theme(&c->theme);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_dir *d = dir();
	const char *search[] = {d->root, NULL};
	struct config_messages msgs;
	config_messages_init(&msgs);

	/* As config.ini; the theme folder holds the same bytes as fz.ini. */
	write_file(d->config, data, size);
	write_file(d->theme, data, size);
	static struct config cfg; /* large (paths): keep it off the stack */
	config_load(d->config, search, &cfg, &msgs);
	check_config(&cfg);
	check_messages(&msgs);
	config_messages_free(&msgs);

	/* As a theme file, by path and by name. */
	static struct theme t;
	theme_load_file(d->theme, &t, &msgs);
	check_theme(&t);
	theme_load("fz", search, &t, &msgs);
	check_theme(&t);
	check_messages(&msgs);
	config_messages_free(&msgs);
	return 0;
}
