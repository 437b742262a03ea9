/*
 * messages.c: the list of configuration problems.
 *
 * Must never: print or exit; out of memory only loses the message.
 */
#include "config.h"

#include "config/messages.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void config_messages_init(struct config_messages *m)
{
	m->items = NULL;
	m->count = 0;
	m->capacity = 0;
	m->dropped = 0;
}

void config_messages_free(struct config_messages *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->count; i++) {
		free(m->items[i].file);
		free(m->items[i].text);
	}
	free(m->items);
	config_messages_init(m);
}

void config_messages_add(struct config_messages *m, const char *file, int line,
			 const char *fmt, ...)
{
	if (m == NULL)
		return;
	if (m->count == m->capacity) {
		size_t cap = m->capacity ? m->capacity * 2 : 8;
		struct config_message *items = realloc(m->items, cap * sizeof *items);
		if (items == NULL) {
			m->dropped++;
			return;
		}
		m->items = items;
		m->capacity = cap;
	}

	va_list ap;
	va_start(ap, fmt);
	int need = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (need < 0) {
		m->dropped++;
		return;
	}
	char *text = malloc((size_t)need + 1);
	char *copy = file ? strdup(file) : NULL;
	if (text == NULL || (file != NULL && copy == NULL)) {
		free(text);
		free(copy);
		m->dropped++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(text, (size_t)need + 1, fmt, ap);
	va_end(ap);

	m->items[m->count++] = (struct config_message){copy, line, text};
}

int config_message_format(const struct config_message *msg, char *buf, size_t size)
{
	if (msg->file != NULL && msg->line > 0)
		return snprintf(buf, size, "%s:%d: %s", msg->file, msg->line, msg->text);
	if (msg->file != NULL)
		return snprintf(buf, size, "%s: %s", msg->file, msg->text);
	return snprintf(buf, size, "%s", msg->text);
}

bool config_messages_contain(const struct config_messages *m, const char *needle)
{
	for (size_t i = 0; i < m->count; i++)
		if (strstr(m->items[i].text, needle) != NULL)
			return true;
	return false;
}

static bool same_file(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

void config_messages_sort(struct config_messages *m, size_t first)
{
	if (m == NULL || first >= m->count)
		return;
	size_t n = m->count - first;
	/* rank[i]: where item i's file first appears, fixed before moving. */
	size_t *rank = malloc(n * sizeof *rank);
	if (rank == NULL)
		return; /* unsorted is still correct, only less tidy */
	struct config_message *items = m->items + first;
	for (size_t i = 0; i < n; i++) {
		rank[i] = i;
		for (size_t j = 0; j < i; j++)
			if (same_file(items[j].file, items[i].file)) {
				rank[i] = rank[j];
				break;
			}
	}
	/* Insertion sort: stable, and the lists are short. */
	for (size_t i = 1; i < n; i++) {
		struct config_message cur = items[i];
		size_t r = rank[i];
		size_t j = i;
		while (j > 0 && (rank[j - 1] > r || (rank[j - 1] == r && items[j - 1].line > cur.line))) {
			items[j] = items[j - 1];
			rank[j] = rank[j - 1];
			j--;
		}
		items[j] = cur;
		rank[j] = r;
	}
	free(rank);
}
