/*
 * report_write.c: writing reports and spreadsheets to disk: refused when
 * the file exists (unless forced), clear Norwegian messages for paths that
 * cannot be written, and never a partial or temporary file left behind.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/atomic.h"
#include "report/report.h"
#include "report/xlsx.h"
#include "tests/report_fixture.h"

static void write_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	cr_assert_not_null(fp);
	fputs(text, fp);
	fclose(fp);
}

Test(report_write, writes_and_leaves_only_the_file)
{
	struct fixture f;
	fixture_load(&f, "report-simple.json");
	char dir[512], path[600], err[512] = "";
	scratch_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/rapport.html", dir);
	cr_assert_eq(report_write(&f.wb, &f.p, REPORT_HTML, path, false, err, sizeof err), 0, "%s",
		     err);
	cr_expect_eq(dir_entries(dir), 1);
	size_t len = 0;
	char *disk = slurp(path, &len);
	size_t want_len = 0;
	char *want = report_render(&f.wb, &f.p, REPORT_HTML, &want_len);
	cr_assert_not_null(disk);
	cr_expect_eq(len, want_len);
	cr_expect_eq(memcmp(disk, want, len), 0);
	/* Permissions follow the umask like any new file, not mkstemp's 0600. */
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	mode_t mask = umask(022);
	umask(mask);
	cr_expect_eq(st.st_mode & 0777, 0666 & ~mask);
	free(disk);
	free(want);
	scratch_remove(dir);
	fixture_free(&f);
}

Test(report_write, existing_file_refused_without_force)
{
	struct fixture f;
	fixture_load(&f, "report-simple.json");
	char dir[512], path[600], err[512] = "";
	scratch_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/rapport.md", dir);
	write_text(path, "gammel\n");
	cr_expect_eq(report_write(&f.wb, &f.p, REPORT_MARKDOWN, path, false, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "finnes allerede"), "%s", err);
	cr_expect_not_null(strstr(err, "--force"), "%s", err);
	cr_expect_not_null(strstr(err, path), "%s", err);
	char *disk = slurp(path, NULL);
	cr_expect_str_eq(disk, "gammel\n");
	free(disk);
	cr_expect_eq(dir_entries(dir), 1, "no temporary file left behind");

	cr_expect_eq(report_write(&f.wb, &f.p, REPORT_MARKDOWN, path, true, err, sizeof err), 0,
		     "%s", err);
	disk = slurp(path, NULL);
	cr_expect_eq(strncmp(disk, "# Utenfor-regnskapet: Enkel sak", 31), 0);
	free(disk);
	cr_expect_eq(dir_entries(dir), 1);
	scratch_remove(dir);
	fixture_free(&f);
}

Test(report_write, missing_directory)
{
	struct fixture f;
	fixture_load(&f, "report-simple.json");
	char dir[512], path[700], err[512] = "";
	scratch_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/finnes-ikke/rapport.html", dir);
	cr_expect_eq(report_write(&f.wb, &f.p, REPORT_HTML, path, true, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "finnes ikke"), "%s", err);
	cr_expect_not_null(strstr(err, path), "%s", err);
	cr_expect_eq(dir_entries(dir), 0);
	/* A "directory" that is a file: refused even for root. */
	char file[600];
	snprintf(file, sizeof file, "%s/fil", dir);
	FILE *fp = fopen(file, "w");
	cr_assert_not_null(fp);
	fclose(fp);
	snprintf(path, sizeof path, "%s/fil/rapport.html", dir);
	cr_expect_eq(report_write(&f.wb, &f.p, REPORT_HTML, path, false, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "Kan ikke skrive"), "%s", err);
	cr_expect_eq(export_xlsx(&f.wb, &f.p, path, false, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "Kan ikke skrive"), "%s", err);
	cr_expect_eq(dir_entries(dir), 1);
	scratch_remove(dir);
	fixture_free(&f);
}

Test(report_write, directory_as_target)
{
	struct fixture f;
	fixture_load(&f, "report-simple.json");
	char dir[512], err[512] = "";
	scratch_dir(dir, sizeof dir);
	cr_expect_eq(report_write(&f.wb, &f.p, REPORT_HTML, dir, true, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "er en mappe"), "%s", err);
	cr_expect_eq(export_xlsx(&f.wb, &f.p, dir, true, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "er en mappe"), "%s", err);
	cr_expect_eq(dir_entries(dir), 0);
	scratch_remove(dir);
	fixture_free(&f);
}

Test(report_write, unwritable_directory)
{
	if (geteuid() == 0)
		cr_skip_test("runs as root: directory permissions do not apply");
	struct fixture f;
	fixture_load(&f, "report-simple.json");
	char dir[512], path[600], err[512] = "";
	scratch_dir(dir, sizeof dir);
	cr_assert_eq(chmod(dir, 0500), 0);
	snprintf(path, sizeof path, "%s/rapport.html", dir);
	cr_expect_eq(report_write(&f.wb, &f.p, REPORT_HTML, path, false, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "Kan ikke skrive"), "%s", err);
	cr_expect_eq(export_xlsx(&f.wb, &f.p, path, false, err, sizeof err), -1);
	chmod(dir, 0700);
	cr_expect_eq(dir_entries(dir), 0);
	scratch_remove(dir);
	fixture_free(&f);
}

Test(report_write, xlsx_existing_refused_and_forced)
{
	struct fixture f;
	fixture_load(&f, "report-rich.json");
	char dir[512], path[600], err[512] = "";
	scratch_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/regneark.xlsx", dir);
	write_text(path, "gammel\n");
	cr_expect_eq(export_xlsx(&f.wb, &f.p, path, false, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "finnes allerede"), "%s", err);
	char *disk = slurp(path, NULL);
	cr_expect_str_eq(disk, "gammel\n");
	free(disk);
	cr_expect_eq(dir_entries(dir), 1);
	cr_expect_eq(export_xlsx(&f.wb, &f.p, path, true, err, sizeof err), 0, "%s", err);
	size_t len = 0;
	disk = slurp(path, &len);
	cr_expect_gt(len, 1000);
	cr_expect_eq(memcmp(disk, "PK\x03\x04", 4), 0, "a zip file");
	free(disk);
	cr_expect_eq(dir_entries(dir), 1);
	scratch_remove(dir);
	fixture_free(&f);
}

Test(report_write, atomic_commit_refuses_a_name_that_appeared)
{
	/* Someone creates the target between our check and our commit:
	 * without force it must not be clobbered. */
	char dir[512], path[600], err[512] = "";
	scratch_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/ut.txt", dir);
	struct atomic_file af;
	cr_assert_eq(atomic_open(&af, path, false, err, sizeof err), 0, "%s", err);
	fputs("ny\n", af.fp);
	write_text(path, "annen\n");
	cr_expect_eq(atomic_commit(&af, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "finnes allerede"), "%s", err);
	char *disk = slurp(path, NULL);
	cr_expect_str_eq(disk, "annen\n");
	free(disk);
	cr_expect_eq(dir_entries(dir), 1);
	scratch_remove(dir);
}

Test(report_write, empty_workbook_still_writes_a_report)
{
	struct fixture f;
	fixture_load(&f, "report-empty.json");
	char dir[512], path[600], err[512] = "";
	scratch_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/tom.html", dir);
	cr_expect_eq(report_write(&f.wb, &f.p, REPORT_HTML, path, false, err, sizeof err), 0, "%s",
		     err);
	char *disk = slurp(path, NULL);
	cr_assert_not_null(disk);
	cr_expect_not_null(strstr(disk, "ingenting å rapportere"));
	free(disk);
	snprintf(path, sizeof path, "%s/tom.xlsx", dir);
	cr_expect_eq(export_xlsx(&f.wb, &f.p, path, false, err, sizeof err), 0, "%s", err);
	cr_expect_eq(dir_entries(dir), 2);
	scratch_remove(dir);
	fixture_free(&f);
}
