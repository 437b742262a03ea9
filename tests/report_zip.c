/*
 * report_zip.c: a minimal zip reader for the xlsx tests (central directory
 * + stored/deflated members).  Follows APPNOTE.TXT sections 4.3.7, 4.3.12
 * and 4.3.16; zip64 is not needed for test files.
 *
 * Must never: be linked into the program.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "tests/report_zip.h"

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/* Offset of the end-of-central-directory record, or -1. */
static long find_eocd(const unsigned char *d, size_t len)
{
	if (len < 22)
		return -1;
	size_t lowest = len > 22 + 65535 ? len - 22 - 65535 : 0;
	for (size_t i = len - 22 + 1; i-- > lowest;)
		if (le32(d + i) == 0x06054b50)
			return (long)i;
	return -1;
}

struct entry {
	const char *name;
	size_t name_len;
	uint16_t method;
	uint32_t csize, usize, local;
};

/* Calls `fn` per central directory entry; stops when it returns true.
 * Returns the number of entries walked, or -1 on a malformed directory. */
static int walk(const unsigned char *d, size_t len,
		bool (*fn)(const struct entry *, void *), void *ctx)
{
	long eocd = find_eocd(d, len);
	if (eocd < 0)
		return -1;
	uint16_t count = le16(d + eocd + 10);
	uint32_t off = le32(d + eocd + 16);
	int n = 0;
	for (uint16_t i = 0; i < count; i++) {
		if ((size_t)off + 46 > len || le32(d + off) != 0x02014b50)
			return -1;
		struct entry e = {.method = le16(d + off + 10),
				  .csize = le32(d + off + 20),
				  .usize = le32(d + off + 24),
				  .name_len = le16(d + off + 28),
				  .local = le32(d + off + 42),
				  .name = (const char *)d + off + 46};
		if ((size_t)off + 46 + e.name_len > len)
			return -1;
		n++;
		if (fn != NULL && fn(&e, ctx))
			return n;
		off += 46 + e.name_len + le16(d + off + 30) + le16(d + off + 32);
	}
	return n;
}

int zip_count(const unsigned char *data, size_t len)
{
	return walk(data, len, NULL, NULL);
}

struct find {
	const char *name;
	struct entry found;
	bool ok;
};

static bool match(const struct entry *e, void *ctx)
{
	struct find *f = ctx;
	if (strlen(f->name) == e->name_len && memcmp(f->name, e->name, e->name_len) == 0) {
		f->found = *e;
		f->ok = true;
		return true;
	}
	return false;
}

bool zip_has(const unsigned char *data, size_t len, const char *name)
{
	struct find f = {.name = name};
	walk(data, len, match, &f);
	return f.ok;
}

char *zip_extract(const unsigned char *data, size_t len, const char *name, size_t *out_len)
{
	struct find f = {.name = name};
	walk(data, len, match, &f);
	if (!f.ok)
		return NULL;
	size_t lh = f.found.local;
	if (lh + 30 > len || le32(data + lh) != 0x04034b50)
		return NULL;
	size_t start = lh + 30 + le16(data + lh + 26) + le16(data + lh + 28);
	if (start + f.found.csize > len)
		return NULL;
	char *out = malloc((size_t)f.found.usize + 1);
	if (out == NULL)
		return NULL;
	if (f.found.method == 0) {
		memcpy(out, data + start, f.found.usize);
	} else if (f.found.method == 8) {
		z_stream z;
		memset(&z, 0, sizeof z);
		if (inflateInit2(&z, -MAX_WBITS) != Z_OK) {
			free(out);
			return NULL;
		}
		z.next_in = (Bytef *)(data + start);
		z.avail_in = f.found.csize;
		z.next_out = (Bytef *)out;
		z.avail_out = f.found.usize;
		int rc = inflate(&z, Z_FINISH);
		inflateEnd(&z);
		if (rc != Z_STREAM_END || z.total_out != f.found.usize) {
			free(out);
			return NULL;
		}
	} else {
		free(out);
		return NULL;
	}
	out[f.found.usize] = '\0';
	if (out_len)
		*out_len = f.found.usize;
	return out;
}
