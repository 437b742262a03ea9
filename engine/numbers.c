/*
 * numbers.c: Norwegian number input and output, independent of the C
 * locale (see numbers.h for the accepted forms).
 *
 * The parser never calls strtod: it validates the text itself and builds
 * the value from its digits, so "1.5" cannot silently read as 1 under a
 * locale whose decimal mark is ','.  The formatter uses snprintf("%.*f")
 * only on a value number_round() has already rounded, and treats whatever
 * non-digit snprintf writes as the decimal point.
 *
 * Must never: do I/O, allocate, call setlocale() or depend on the locale.
 */
#include "engine/numbers.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"

/* Longer input is refused outright: no one types a 65-byte number. */
#define NUMBER_TEXT_MAX 64

/* Byte length of the blank at s (space, tab, U+00A0, U+202F), or 0. */
static size_t blank_len(const char *s)
{
	if (s[0] == ' ' || s[0] == '\t')
		return 1;
	if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
		return 2;
	if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0xaf)
		return 3;
	return 0;
}

/* Length of a blank that ends at s[end] (exclusive), or 0. */
static size_t blank_len_before(const char *s, size_t end)
{
	if (end >= 1 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		return 1;
	if (end >= 2 && blank_len(s + end - 2) == 2)
		return 2;
	if (end >= 3 && blank_len(s + end - 3) == 3)
		return 3;
	return 0;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char lower_ascii(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Does s[0..end) end with `suffix` (ASCII, case-insensitive)? */
static bool ends_with_ci(const char *s, size_t end, const char *suffix)
{
	size_t n = strlen(suffix);
	if (end < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower_ascii(s[end - n + i]) != suffix[i])
			return false;
	return true;
}

/* The kinds of thousands separator; one number may use only one kind. */
enum sep_kind { SEP_NONE, SEP_BLANK, SEP_DOT };

/*
 * Parse the unsigned body s[0..len): digit groups, optional separators,
 * optional decimal part.  Collects the digits into `digits` (integer part
 * first) and reports how many of them are decimals.
 */
static bool parse_body(const char *s, size_t len, char *digits, size_t *ndigits, int *scale)
{
	size_t i = 0, n = 0;
	size_t group_len[NUMBER_TEXT_MAX];
	size_t groups = 0;
	enum sep_kind kind = SEP_NONE;
	bool first_group_zero = false;

	/* Integer part: groups of digits joined by separators. */
	for (;;) {
		size_t start = n;
		while (i < len && is_digit(s[i]))
			digits[n++] = s[i++];
		group_len[groups++] = n - start;
		if (groups == 1)
			first_group_zero = (n - start) >= 1 && digits[start] == '0';
		if (i >= len || s[i] == ',')
			break;
		size_t b = blank_len(s + i);
		enum sep_kind k = b ? SEP_BLANK : (s[i] == '.' ? SEP_DOT : SEP_NONE);
		if (k == SEP_NONE)
			return false;
		if (kind != SEP_NONE && kind != k)
			return false;
		kind = k;
		i += b ? b : 1;
		if (i >= len || !is_digit(s[i]))
			return false; /* "1..2", "1 ", "1." */
	}
	size_t int_digits = n;
	*scale = 0;

	/*
	 * A single '.' with no ',' after it is a decimal point unless it reads
	 * as a thousands separator: exactly three digits after it and a first
	 * group that does not start with 0 ("1.234" = 1234, "0.250" = 0,25).
	 */
	bool dot_is_decimal = kind == SEP_DOT && groups == 2 && i >= len &&
			      (group_len[1] != 3 || first_group_zero);
	if (dot_is_decimal) {
		*scale = (int)group_len[1];
		*ndigits = n;
		return group_len[0] >= 1;
	}

	/* Thousands groups: 1–3 digits first, then exactly three each. */
	if (groups > 1) {
		if (group_len[0] < 1 || group_len[0] > 3 || first_group_zero)
			return false;
		for (size_t g = 1; g < groups; g++)
			if (group_len[g] != 3)
				return false;
	}

	if (i < len) { /* s[i] == ',' */
		i++;
		size_t start = n;
		while (i < len && is_digit(s[i]))
			digits[n++] = s[i++];
		if (i != len || n == start)
			return false; /* "12,3,4", "12,", "1,2 3" */
		*scale = (int)(n - start);
	}
	*ndigits = n;
	return int_digits > 0 || *scale > 0; /* ",5" is 0,5; "," is nothing */
}

/* Value of the digit string with `scale` decimals, correctly rounded while
 * the digits fit in 2^53 (both operands of the division are then exact). */
static double digits_value(const char *digits, size_t n, int scale)
{
	double mant = 0.0;
	for (size_t i = 0; i < n; i++)
		mant = mant * 10.0 + (digits[i] - '0');
	double p = 1.0;
	for (int i = 0; i < scale; i++)
		p *= 10.0;
	return mant / p;
}

/* Shared by number_parse and percent_parse; `percent` selects the suffix. */
static enum number_status parse(const char *text, bool percent, double *out)
{
	if (text == NULL)
		return NUMBER_EMPTY;
	size_t len = strnlen(text, NUMBER_TEXT_MAX + 1);
	if (len > NUMBER_TEXT_MAX)
		return NUMBER_INVALID;

	size_t begin = 0, end = len, b;
	while (begin < end && (b = blank_len(text + begin)) != 0)
		begin += b;
	while (end > begin && (b = blank_len_before(text, end)) != 0)
		end -= b;
	if (begin == end)
		return NUMBER_EMPTY;

	/* Optional unit after the number, with or without a blank before it. */
	if (percent) {
		if (text[end - 1] == '%')
			end--;
	} else if (ends_with_ci(text + begin, end - begin, "nok")) {
		end -= 3;
	} else if (ends_with_ci(text + begin, end - begin, "kr")) {
		end -= 2;
	}
	while (end > begin && (b = blank_len_before(text, end)) != 0)
		end -= b;
	if (begin == end)
		return NUMBER_INVALID; /* "%" or "kr" alone */

	bool negative = false;
	if (text[begin] == '-' || text[begin] == '+') {
		negative = text[begin] == '-';
		begin++;
	} else if ((unsigned char)text[begin] == 0xe2 && (unsigned char)text[begin + 1] == 0x88 &&
		   (unsigned char)text[begin + 2] == 0x92) {
		negative = true; /* U+2212 MINUS SIGN */
		begin += 3;
	}
	if (begin >= end || !(is_digit(text[begin]) || text[begin] == ','))
		return NUMBER_INVALID; /* "--1", "- 1", "-" */

	char digits[NUMBER_TEXT_MAX];
	size_t ndigits = 0;
	int scale = 0;
	if (!parse_body(text + begin, end - begin, digits, &ndigits, &scale))
		return NUMBER_INVALID;
	double v = digits_value(digits, ndigits, scale);
	*out = negative && v != 0.0 ? -v : v;
	return NUMBER_OK;
}

enum number_status number_parse(const char *text, double *out)
{
	return parse(text, false, out);
}

enum number_status percent_parse(const char *text, double *fraction)
{
	double v;
	enum number_status st = parse(text, true, &v);
	if (st == NUMBER_OK)
		*fraction = v / 100.0;
	return st;
}

const char *number_input_hint(void)
{
	return _("skriv et tall, f.eks. 1 234 567, 1234,50 eller -30 000");
}

double number_round(double value, int decimals)
{
	if (!isfinite(value))
		return value;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	double scale = 1.0;
	for (int i = 0; i < decimals; i++)
		scale *= 10.0;
	double x = value * scale;
	if (fabs(x) >= 4503599627370496.0) /* 2^52: already whole at this scale */
		return value;
	double whole = trunc(x);
	double r = round(x); /* C's round() is half away from zero */
	/*
	 * value*scale can land just below a half that the decimal text had
	 * exactly (1.005 * 100 = 100.4999…).  If the halfway decimal's nearest
	 * double *is* value, the user typed a half: round it away from zero.
	 */
	double half = whole + copysign(0.5, x);
	if (r == whole && half / scale == value)
		r = whole + copysign(1.0, x);
	r /= scale;
	return r == 0.0 ? 0.0 : r; /* never -0 */
}

/*
 * snprintf-like appending: counts everything, stores what fits.  Each put
 * is stored whole or not at all, and nothing after a put that did not fit,
 * so a short buffer never ends inside a UTF-8 separator.
 */
struct sink {
	char *buf;
	size_t size;
	size_t len;    /* length of the full text so far */
	size_t stored; /* bytes actually in buf */
	bool full;
};

static void sink_put(struct sink *s, const char *text, size_t n)
{
	if (!s->full && s->size > 0 && s->stored + n <= s->size - 1) {
		memcpy(s->buf + s->stored, text, n);
		s->stored += n;
	} else {
		s->full = true;
	}
	s->len += n;
}

static int sink_end(struct sink *s)
{
	if (s->size > 0)
		s->buf[s->stored] = '\0';
	return (int)s->len;
}

int number_format(char *buf, size_t size, double value, int decimals, const char *thousands)
{
	struct sink s = {buf, size, 0, 0, false};
	if (thousands == NULL)
		thousands = "";
	if (!isfinite(value)) {
		sink_put(&s, "\xe2\x80\x93", 3); /* U+2013 EN DASH */
		return sink_end(&s);
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	double r = number_round(value, decimals);

	/* DBL_MAX has 309 integer digits; 9 decimals and a point fit in 352. */
	char plain[352];
	int n = snprintf(plain, sizeof plain, "%.*f", decimals, fabs(r));
	if (n < 0 || (size_t)n >= sizeof plain)
		n = 0;
	size_t int_len = 0;
	while (int_len < (size_t)n && is_digit(plain[int_len]))
		int_len++;

	if (r < 0)
		sink_put(&s, "-", 1);
	size_t tlen = strlen(thousands);
	for (size_t i = 0; i < int_len; i++) {
		if (i > 0 && (int_len - i) % 3 == 0)
			sink_put(&s, thousands, tlen);
		sink_put(&s, plain + i, 1);
	}
	if (decimals > 0 && int_len < (size_t)n) {
		sink_put(&s, ",", 1);
		/* Skip the locale's decimal point, whatever it is. */
		size_t j = int_len;
		while (j < (size_t)n && !is_digit(plain[j]))
			j++;
		sink_put(&s, plain + j, (size_t)n - j);
	}
	return sink_end(&s);
}

int percent_format(char *buf, size_t size, double fraction, int decimals, const char *thousands)
{
	double percent = fraction * 100.0;
	int n = number_format(buf, size, percent, decimals, thousands);
	if (!isfinite(percent) || n < 0)
		return n; /* "–" alone: no unit on a number that is not there */
	/* Like sink_put: the unit is stored whole or not at all. */
	if (size > 0 && (size_t)n + 2 < size)
		memcpy(buf + n, " %", 3);
	return n + 2;
}
