/*
 * End-to-end test of `utenfor calc --json`: runs the real binary ($UTENFOR)
 * on tests/fixtures/example.json and compares its output, field by field,
 * with the hand-computed figures in tests/fixtures/example.expected.json
 * (arithmetic in doc/interchange.md, "Worked example").
 *
 * The expected document holds a subset of the output: every value in it
 * must be present in the output and equal (numbers within 1e-6 relative,
 * null as null).  Array elements that are objects with a "year" or "name"
 * are matched by that field, so the expected file lists only the years it
 * checks.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *srcdir(void)
{
	const char *s = getenv("top_srcdir");
	return s ? s : ".";
}

/* Run `command` and parse its stdout as JSON; *status gets the exit code. */
static json_t *run_json(const char *command, int *status)
{
	FILE *p = popen(command, "r");
	cr_assert_not_null(p, "cannot run %s", command);
	json_error_t err;
	json_t *root = json_loadf(p, 0, &err);
	int rc = pclose(p);
	*status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
	cr_assert_not_null(root, "output of %s is not JSON: %s (line %d)", command, err.text,
			   err.line);
	return root;
}

static void compare(const json_t *expected, const json_t *actual, const char *path);

/* The element of `actual` that `want` describes (by year, name or index). */
static const json_t *match_element(const json_t *actual, const json_t *want, size_t index)
{
	const char *keys[] = {"year", "name"};
	if (json_is_object(want)) {
		for (size_t k = 0; k < 2; k++) {
			const json_t *id = json_object_get(want, keys[k]);
			if (id == NULL)
				continue;
			size_t i;
			json_t *el;
			json_array_foreach(actual, i, el)
				if (json_equal(json_object_get(el, keys[k]), id))
					return el;
			return NULL;
		}
	}
	return json_array_get(actual, index);
}

static void compare(const json_t *expected, const json_t *actual, const char *path)
{
	cr_assert_not_null(actual, "%s: missing in the output", path);
	if (json_is_number(expected)) {
		cr_assert(json_is_number(actual), "%s: expected a number", path);
		double e = json_number_value(expected), a = json_number_value(actual);
		double tol = 1e-6 * fmax(1.0, fabs(e));
		cr_assert(fabs(a - e) <= tol, "%s: got %.17g, expected %.17g", path, a, e);
	} else if (json_is_object(expected)) {
		cr_assert(json_is_object(actual), "%s: expected an object", path);
		const char *key;
		json_t *value;
		json_object_foreach((json_t *)expected, key, value) {
			char sub[512];
			snprintf(sub, sizeof sub, "%s.%s", path, key);
			compare(value, json_object_get(actual, key), sub);
		}
	} else if (json_is_array(expected)) {
		cr_assert(json_is_array(actual), "%s: expected an array", path);
		size_t i;
		json_t *value;
		json_array_foreach((json_t *)expected, i, value) {
			char sub[512];
			snprintf(sub, sizeof sub, "%s[%zu]", path, i);
			compare(value, match_element(actual, value, i), sub);
		}
	} else {
		cr_assert(json_equal((json_t *)expected, (json_t *)actual),
			  "%s: values differ (expected %s)", path,
			  json_is_null(expected) ? "null" : "another value");
	}
}

Test(calc, json_output_matches_hand_computed_figures)
{
	const char *utenfor = getenv("UTENFOR");
	cr_assert_not_null(utenfor, "UTENFOR (path of the built binary) is not set");
	char command[8192];
	snprintf(command, sizeof command, "'%s' calc --json '%s/tests/fixtures/example.json'",
		 utenfor, srcdir());
	int status;
	json_t *actual = run_json(command, &status);
	cr_assert_eq(status, 0);

	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/example.expected.json", srcdir());
	json_error_t err;
	json_t *expected = json_load_file(path, 0, &err);
	cr_assert_not_null(expected, "%s: %s", path, err.text);
	compare(expected, actual, "$");

	/* The whole horizon is there, for the portfolio and every measure. */
	json_t *pf = json_object_get(actual, "portfolio");
	cr_assert_eq(json_array_size(json_object_get(pf, "years")), 40);
	cr_assert_eq(json_array_size(json_object_get(actual, "measures")), 3);
	json_decref(expected);
	json_decref(actual);
}

Test(calc, stdin_gives_the_same_result_as_the_file)
{
	const char *utenfor = getenv("UTENFOR");
	cr_assert_not_null(utenfor);
	char command[8192];
	int status;
	snprintf(command, sizeof command, "'%s' calc --json '%s/tests/fixtures/example.json'",
		 utenfor, srcdir());
	json_t *from_file = run_json(command, &status);
	cr_assert_eq(status, 0);
	snprintf(command, sizeof command,
		 "'%s' calc --json - < '%s/tests/fixtures/example.json'", utenfor, srcdir());
	json_t *from_stdin = run_json(command, &status);
	cr_assert_eq(status, 0);
	cr_assert(json_equal(from_file, from_stdin));
	json_decref(from_file);
	json_decref(from_stdin);
}
