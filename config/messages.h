/*
 * messages.h: the problems found while reading configuration, each with the
 * file and line it came from, worded in Norwegian for the user to act on.
 *
 * Loading configuration never fails hard: what is wrong falls back to its
 * default and leaves a message here; the TUI shows them after start-up, the
 * CLI prints them to stderr.
 *
 * Must never: print, exit, or abort when out of memory (a message that
 * cannot be stored is counted in `dropped`).
 */
#ifndef UTENFOR_CONFIG_MESSAGES_H
#define UTENFOR_CONFIG_MESSAGES_H

#include <stdbool.h>
#include <stddef.h>

struct config_message {
	char *file; /* NULL when the problem is not tied to a file */
	int line;   /* 1-based; 0 when unknown */
	char *text; /* Norwegian, no trailing newline */
};

struct config_messages {
	struct config_message *items;
	size_t count;
	size_t capacity;
	size_t dropped; /* messages lost to out-of-memory */
};

void config_messages_init(struct config_messages *m);
/* Frees every message; leaves `m` empty and reusable. */
void config_messages_free(struct config_messages *m);

/* Append a message.  `m` may be NULL (the caller does not want messages);
 * `file` may be NULL and `line` 0.  The strings are copied. */
void config_messages_add(struct config_messages *m, const char *file, int line,
			 const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * "FILE:LINE: TEXT", "FILE: TEXT" or "TEXT".  Behaves like snprintf: returns
 * the length the full text needs and writes at most size-1 bytes and a NUL.
 */
int config_message_format(const struct config_message *msg, char *buf, size_t size);

/*
 * Order the messages from index `first` on by file (in order of first
 * appearance) and line, keeping the order of messages on the same line:
 * a user fixes a file from top to bottom.  Messages without a line stay
 * before those with one in the same file.
 */
void config_messages_sort(struct config_messages *m, size_t first);

/* True when some message's text contains `needle` (for tests and callers
 * that look for one problem). */
bool config_messages_contain(const struct config_messages *m, const char *needle);

#endif
