/* Tests for tui/naming.c: the id a new target group gets, and where the
 * `r` key puts a workbook's report. */
#include <criterion/criterion.h>
#include <string.h>

#include "engine/workbook.h"
#include "session/naming.h"

static void add_group(struct workbook *wb, const char *id)
{
	struct target_group g;
	memset(&g, 0, sizeof g);
	text_set(g.id, sizeof g.id, id);
	text_set(g.name, sizeof g.name, id);
	g.entry_age = 16;
	cr_assert_geq(workbook_add_group(wb, &g), 0);
}

Test(naming, new_group_id_is_the_first_free_one)
{
	struct workbook wb;
	workbook_init(&wb);
	char id[TEXT_ID_SIZE];
	cr_assert(group_new_id(&wb, id, sizeof id));
	cr_assert_str_eq(id, "ny-malgruppe");
	add_group(&wb, "ny-malgruppe");
	add_group(&wb, "ny-malgruppe-2");
	add_group(&wb, "ny-malgruppe-4");
	cr_assert(group_new_id(&wb, id, sizeof id));
	cr_assert_str_eq(id, "ny-malgruppe-3");
	workbook_free(&wb);
}

Test(naming, new_group_id_refuses_a_buffer_too_small)
{
	struct workbook wb;
	workbook_init(&wb);
	char id[8] = "x";
	cr_assert_not(group_new_id(&wb, id, sizeof id));
	cr_assert_str_eq(id, "");
	workbook_free(&wb);
}

Test(naming, report_goes_beside_the_workbook)
{
	char out[256];
	cr_assert(report_path_for("/home/kari/arbeidsbok.utenfor", out, sizeof out));
	cr_assert_str_eq(out, "/home/kari/arbeidsbok-rapport.html");
	cr_assert(report_path_for("Ås kommune.utenfor", out, sizeof out));
	cr_assert_str_eq(out, "Ås kommune-rapport.html");
	/* No extension, a dot in a folder name, a hidden file. */
	cr_assert(report_path_for("/tmp/v1.2/bok", out, sizeof out));
	cr_assert_str_eq(out, "/tmp/v1.2/bok-rapport.html");
	cr_assert(report_path_for("/tmp/.utenfor", out, sizeof out));
	cr_assert_str_eq(out, "/tmp/.utenfor-rapport.html");
}

Test(naming, report_path_too_long_is_refused)
{
	char out[20] = "x";
	cr_assert_not(report_path_for("/home/kari/arbeidsbok.utenfor", out, sizeof out));
	cr_assert_str_eq(out, "");
	/* Exactly fits: "a" + "-rapport.html" + NUL = 15 bytes. */
	char exact[15];
	cr_assert(report_path_for("a.utenfor", exact, sizeof exact));
	cr_assert_str_eq(exact, "a-rapport.html");
	cr_assert_not(report_path_for("ab.utenfor", exact, sizeof exact));
}
