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

/* A test's computed fixture and the scratch directory it writes into. */
struct scene {
	struct fixture f;
	char dir[512];
	char path[700]; /* dir/file */
	char err[512];
};

/* Load `fixture`, make a fresh scratch directory and name `file` in it
 * (NULL: the target is the directory itself). */
static void scene_open(struct scene *sc, const char *fixture, const char *file)
{
	fixture_load(&sc->f, fixture);
	scratch_dir(sc->dir, sizeof sc->dir);
	if (file != NULL)
		snprintf(sc->path, sizeof sc->path, "%s/%s", sc->dir, file);
	else
		snprintf(sc->path, sizeof sc->path, "%s", sc->dir);
	sc->err[0] = '\0';
}

/* report_write / export_xlsx of the scene's workbook to its path. */
static int write_report(struct scene *sc, enum report_format format, bool force)
{
	return report_write(&sc->f.wb, &sc->f.p, format, sc->path, force, sc->err, sizeof sc->err);
}

static int write_xlsx(struct scene *sc, bool force)
{
	return export_xlsx(&sc->f.wb, &sc->f.p, sc->path, force, sc->err, sizeof sc->err);
}

static void scene_close(struct scene *sc)
{
	scratch_remove(sc->dir);
	fixture_free(&sc->f);
}

/* The file holds exactly `want`: what a refused write must leave alone. */
static void expect_file_text(const char *path, const char *want)
{
	char *disk = slurp(path, NULL);
	cr_expect_str_eq(disk, want);
	free(disk);
}

Test(report_write, writes_and_leaves_only_the_file)
{
	struct scene sc;
	scene_open(&sc, "report-simple.json", "rapport.html");
	cr_assert_eq(write_report(&sc, REPORT_HTML, false), 0, "%s", sc.err);
	cr_expect_eq(dir_entries(sc.dir), 1);
	size_t len = 0;
	char *disk = slurp(sc.path, &len);
	size_t want_len = 0;
	char *want = report_render(&sc.f.wb, &sc.f.p, REPORT_HTML, &want_len);
	cr_assert_not_null(disk);
	cr_expect_eq(len, want_len);
	cr_expect_eq(memcmp(disk, want, len), 0);
	/* Permissions follow the umask like any new file, not mkstemp's 0600. */
	struct stat st;
	cr_assert_eq(stat(sc.path, &st), 0);
	mode_t mask = umask(022);
	umask(mask);
	cr_expect_eq(st.st_mode & 0777, 0666 & ~mask);
	free(disk);
	free(want);
	scene_close(&sc);
}

Test(report_write, existing_file_refused_without_force)
{
	struct scene sc;
	scene_open(&sc, "report-simple.json", "rapport.md");
	write_text(sc.path, "gammel\n");
	cr_expect_eq(write_report(&sc, REPORT_MARKDOWN, false), -1);
	cr_expect_not_null(strstr(sc.err, "finnes allerede"), "%s", sc.err);
	cr_expect_not_null(strstr(sc.err, "--force"), "%s", sc.err);
	cr_expect_not_null(strstr(sc.err, sc.path), "%s", sc.err);
	expect_file_text(sc.path, "gammel\n");
	cr_expect_eq(dir_entries(sc.dir), 1, "no temporary file left behind");

	cr_expect_eq(write_report(&sc, REPORT_MARKDOWN, true), 0, "%s", sc.err);
	char *disk = slurp(sc.path, NULL);
	cr_expect_eq(strncmp(disk, "# Utenfor-regnskapet: Enkel sak", 31), 0);
	free(disk);
	cr_expect_eq(dir_entries(sc.dir), 1);
	scene_close(&sc);
}

Test(report_write, missing_directory)
{
	struct scene sc;
	scene_open(&sc, "report-simple.json", "finnes-ikke/rapport.html");
	cr_expect_eq(write_report(&sc, REPORT_HTML, true), -1);
	cr_expect_not_null(strstr(sc.err, "finnes ikke"), "%s", sc.err);
	cr_expect_not_null(strstr(sc.err, sc.path), "%s", sc.err);
	cr_expect_eq(dir_entries(sc.dir), 0);
	/* A "directory" that is a file: refused even for root. */
	char file[600];
	snprintf(file, sizeof file, "%s/fil", sc.dir);
	FILE *fp = fopen(file, "w");
	cr_assert_not_null(fp);
	fclose(fp);
	snprintf(sc.path, sizeof sc.path, "%s/fil/rapport.html", sc.dir);
	cr_expect_eq(write_report(&sc, REPORT_HTML, false), -1);
	cr_expect_not_null(strstr(sc.err, "Kan ikke skrive"), "%s", sc.err);
	cr_expect_eq(write_xlsx(&sc, false), -1);
	cr_expect_not_null(strstr(sc.err, "Kan ikke skrive"), "%s", sc.err);
	cr_expect_eq(dir_entries(sc.dir), 1);
	scene_close(&sc);
}

Test(report_write, directory_as_target)
{
	struct scene sc;
	scene_open(&sc, "report-simple.json", NULL);
	cr_expect_eq(write_report(&sc, REPORT_HTML, true), -1);
	cr_expect_not_null(strstr(sc.err, "er en mappe"), "%s", sc.err);
	cr_expect_eq(write_xlsx(&sc, true), -1);
	cr_expect_not_null(strstr(sc.err, "er en mappe"), "%s", sc.err);
	cr_expect_eq(dir_entries(sc.dir), 0);
	scene_close(&sc);
}

Test(report_write, unwritable_directory)
{
	if (geteuid() == 0)
		cr_skip_test("runs as root: directory permissions do not apply");
	struct scene sc;
	scene_open(&sc, "report-simple.json", "rapport.html");
	cr_assert_eq(chmod(sc.dir, 0500), 0);
	cr_expect_eq(write_report(&sc, REPORT_HTML, false), -1);
	cr_expect_not_null(strstr(sc.err, "Kan ikke skrive"), "%s", sc.err);
	cr_expect_eq(write_xlsx(&sc, false), -1);
	chmod(sc.dir, 0700);
	cr_expect_eq(dir_entries(sc.dir), 0);
	scene_close(&sc);
}

Test(report_write, xlsx_existing_refused_and_forced)
{
	struct scene sc;
	scene_open(&sc, "report-rich.json", "regneark.xlsx");
	write_text(sc.path, "gammel\n");
	cr_expect_eq(write_xlsx(&sc, false), -1);
	cr_expect_not_null(strstr(sc.err, "finnes allerede"), "%s", sc.err);
	expect_file_text(sc.path, "gammel\n");
	cr_expect_eq(dir_entries(sc.dir), 1);
	cr_expect_eq(write_xlsx(&sc, true), 0, "%s", sc.err);
	size_t len = 0;
	char *disk = slurp(sc.path, &len);
	cr_expect_gt(len, 1000);
	cr_expect_eq(memcmp(disk, "PK\x03\x04", 4), 0, "a zip file");
	free(disk);
	cr_expect_eq(dir_entries(sc.dir), 1);
	scene_close(&sc);
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
	expect_file_text(path, "annen\n");
	cr_expect_eq(dir_entries(dir), 1);
	scratch_remove(dir);
}

Test(report_write, empty_workbook_still_writes_a_report)
{
	struct scene sc;
	scene_open(&sc, "report-empty.json", "tom.html");
	cr_expect_eq(write_report(&sc, REPORT_HTML, false), 0, "%s", sc.err);
	char *disk = slurp(sc.path, NULL);
	cr_assert_not_null(disk);
	cr_expect_not_null(strstr(disk, "ingenting å rapportere"));
	free(disk);
	snprintf(sc.path, sizeof sc.path, "%s/tom.xlsx", sc.dir);
	cr_expect_eq(write_xlsx(&sc, false), 0, "%s", sc.err);
	cr_expect_eq(dir_entries(sc.dir), 2);
	scene_close(&sc);
}
