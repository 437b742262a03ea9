/*
 * store_bench.c: the workbook file at 1 000 and 10 000 measures (issue 16):
 * how long an import takes (store_replace_all() into a workbook already
 * holding that many measures, as `utenfor import` does), how long opening
 * takes to the first paint's data (store_open + store_load, which
 * validates, + projection_compute) and its peak memory, and how big the
 * file grows over repeated replace-imports keeping 3 undo steps and with
 * pruning off.
 *
 * Opening is measured in a fresh process (this program re-executed with
 * --open, the interface's way: the undo history checked in a thread after
 * the paint; alternated with --open-whole, the CLI's: all of it first),
 * so its peak RSS is what opening costs and not what the benchmark itself
 * holds.  Workbooks are the embedded default data with
 * its example measures repeated to N (distinct names and participants).
 *
 * Must never: be built by `make` or `make check`; leave files outside the
 * temporary directory it makes (and removes).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "engine/projection.h"
#include "engine/workbook.h"
#include "store/store.h"

#define IMPORT_SAMPLES 9
#define OPEN_SAMPLES 9
#define GROWTH_IMPORTS 10
/* Fewer than the imports, so the bound shows (the default is 200). */
#define GROWTH_KEPT 3

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Sorts `v`; prints median, p10–p90 (nearest rank) and min–max. */
static void report(const char *name, double *v, int n, const char *unit)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	printf("%-40s median %8.1f %s  p10 %8.1f  p90 %8.1f  min %8.1f  max %8.1f  (%d samples)\n",
	       name, v[n / 2], unit, v[n / 10], v[n - 1 - n / 10], v[0], v[n - 1], n);
}

/* The default workbook with its measures repeated to `n`; `round` varies
 * participants so successive imports are different documents. */
static int build(struct workbook *wb, size_t n, int round)
{
	workbook_init(wb);
	if (store_default_workbook(wb) != 0 || wb->measure_count == 0)
		return -1;
	size_t k = wb->measure_count;
	struct measure *base = malloc(k * sizeof *base);
	if (base == NULL)
		return -1;
	memcpy(base, wb->measures, k * sizeof *base);
	while (wb->measure_count > 0)
		workbook_remove_measure(wb, wb->measure_count - 1);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct measure m = base[i % k];
		snprintf(m.name, sizeof m.name, "Tiltak %zu", i);
		m.participants = 5 + (long)((i * 7 + (size_t)round * 13) % 400);
		if (workbook_add_measure(wb, &m) < 0)
			rc = -1;
	}
	free(base);
	return rc;
}

static long file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static int fail(const char *what, const struct store_error *err)
{
	fprintf(stderr, "store_bench: %s: %s\n", what, err->message);
	return -1;
}

/*
 * Replace-import `imports` different N-measure documents in turn into a
 * new file, with `undo_steps` as the policy (-1: the store's default).
 * Times every import after the first (the first imports into an empty
 * workbook) into ms[], and gives the file's size after the last.
 */
static int imports(const char *path, size_t n, int count, int undo_steps, double *ms,
		   long *size)
{
	struct store_error err;
	unlink(path);
	if (store_create(path, NULL, &err) != STORE_OK)
		return fail("create", &err);
	struct store *s = NULL;
	if (store_open(path, 0, &s, &err) != STORE_OK)
		return fail("open", &err);
	if (undo_steps >= 0)
		store_set_undo_steps(s, undo_steps);
	for (int i = 0; i <= count; i++) {
		struct workbook wb;
		if (build(&wb, n, i) != 0) {
			store_close(s);
			fprintf(stderr, "store_bench: out of memory\n");
			return -1;
		}
		double t0 = now_ms();
		enum store_status st = store_replace_all(s, &wb, "Import", &err);
		double t = now_ms() - t0;
		workbook_free(&wb);
		if (st != STORE_OK) {
			store_close(s);
			return fail("import", &err);
		}
		if (i > 0 && ms != NULL)
			ms[i - 1] = t;
	}
	store_close(s);
	*size = file_size(path);
	return 0;
}

/* The child: open, load (validates), compute; prints the time in ms. */
static int open_child(const char *path, unsigned flags)
{
	struct store_error err;
	double t0 = now_ms();
	struct store *s = NULL;
	if (store_open(path, flags, &s, &err) != STORE_OK)
		return fail("open", &err) != 0;
	struct workbook wb;
	workbook_init(&wb);
	if (store_load(s, &wb, &err) != STORE_OK) {
		store_close(s);
		return fail("load", &err) != 0;
	}
	struct projection p;
	projection_init(&p);
	int rc = projection_compute(&p, &wb);
	double t = now_ms() - t0;
	/* Until the whole file is checked (store/check.c), as the first edit
	 * would wait for it. */
	bool done = false;
	while (store_check_result(s, &done, &err) == STORE_OK && !done)
		nanosleep(&(struct timespec){0, 200000}, NULL);
	double checked = now_ms() - t0;
	printf("%.3f %zu %.0f %.3f\n", t, wb.measure_count, rc == 0 ? p.portfolio.npv : 0.0,
	       checked);
	projection_free(&p);
	workbook_free(&wb);
	store_close(s);
	return rc != 0;
}

/* Run the child `samples` times; ms[] and peak RSS (MB) per run. */
static int opens(const char *self, const char *mode, const char *path, size_t n, int samples,
		 double *ms, double *mb, double *checked)
{
	for (int i = 0; i < samples; i++) {
		int fd[2];
		if (pipe(fd) != 0)
			return -1;
		pid_t pid = fork();
		if (pid < 0)
			return -1;
		if (pid == 0) {
			dup2(fd[1], STDOUT_FILENO);
			close(fd[0]);
			close(fd[1]);
			execl(self, self, mode, path, (char *)NULL);
			_exit(127);
		}
		close(fd[1]);
		char line[128] = "";
		FILE *f = fdopen(fd[0], "r");
		if (f == NULL || fgets(line, sizeof line, f) == NULL)
			line[0] = '\0';
		if (f)
			fclose(f);
		int status = 0;
		struct rusage ru;
		if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			return -1;
		size_t count = 0;
		double npv = 0;
		if (sscanf(line, "%lf %zu %lf %lf", &ms[i], &count, &npv, &checked[i]) != 4 ||
		    count != n) {
			fprintf(stderr, "store_bench: the child loaded %zu measures, not %zu\n", count,
				n);
			return -1;
		}
		mb[i] = (double)ru.ru_maxrss / 1024.0; /* ru_maxrss is in KiB on Linux */
	}
	return 0;
}

/* Opening `path` (n measures): to first paint, peak RSS, and until the
 * whole file is checked (the first edit waits for that). */
static int open_case(const char *self, const char *path, size_t n, const char *what)
{
	/* Alternated, so both ways see the same machine. */
	double ms[2][OPEN_SAMPLES], mb[2][OPEN_SAMPLES], checked[2][OPEN_SAMPLES];
	static const char *const mode[2] = {"--open", "--open-whole"};
	for (int i = 0; i < OPEN_SAMPLES; i++)
		for (int m = 0; m < 2; m++)
			if (opens(self, mode[m], path, n, 1, &ms[m][i], &mb[m][i], &checked[m][i]) != 0)
				return -1;
	printf("open, %zu measures, file %.1f MB %s:\n", n, (double)file_size(path) / 1e6, what);
	report("  to first paint", ms[0], OPEN_SAMPLES, "ms");
	report("  peak RSS of that process", mb[0], OPEN_SAMPLES, "MB");
	report("  until the whole file is checked", checked[0], OPEN_SAMPLES, "ms");
	report("  to first paint, whole file checked first", ms[1], OPEN_SAMPLES, "ms");
	return 0;
}

static int bench_size(const char *dir, size_t n)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/bok-%zu.utenfor", dir, n);
	double ms[IMPORT_SAMPLES];
	long size = 0;
	char name[80];
	if (imports(path, n, IMPORT_SAMPLES, -1, ms, &size) != 0)
		return -1;
	snprintf(name, sizeof name, "import (replace) %zu measures", n);
	report(name, ms, IMPORT_SAMPLES, "ms");

	static char self[4096];
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
	if (len <= 0)
		return -1;
	self[len] = '\0';
	/* The file as the imports leave it, their undo history included. */
	if (open_case(self, path, n, "with the imports' history") != 0)
		return -1;
	long pruned = 0, unpruned = 0, one = 0;
	if (imports(path, n, 1, 0, NULL, &one) != 0 ||
	    imports(path, n, GROWTH_IMPORTS, GROWTH_KEPT, NULL, &pruned) != 0 ||
	    imports(path, n, GROWTH_IMPORTS, 0, NULL, &unpruned) != 0)
		return -1;
	printf("file after 1+1 imports, %zu measures: %.1f MB; after 1+%d: %.1f MB keeping %d "
	       "steps, %.1f MB with pruning off\n",
	       n, (double)one / 1e6, GROWTH_IMPORTS, (double)pruned / 1e6, GROWTH_KEPT,
	       (double)unpruned / 1e6);
	/* One import into a new file: the workbook and one step of history. */
	long fresh = 0;
	if (imports(path, n, 0, -1, NULL, &fresh) != 0 ||
	    open_case(self, path, n, "freshly imported") != 0)
		return -1;
	unlink(path);
	return 0;
}

int main(int argc, char **argv)
{
	/* --open FILE: as the interface opens (the undo history checked after
	 * the paint); --open-whole FILE: as the CLI does, all of it first. */
	if (argc == 3 && strcmp(argv[1], "--open") == 0)
		return open_child(argv[2], STORE_OPEN_CHECK_LATER);
	if (argc == 3 && strcmp(argv[1], "--open-whole") == 0)
		return open_child(argv[2], 0);
	char dir[] = "/tmp/store_bench.XXXXXX";
	if (mkdtemp(dir) == NULL) {
		fprintf(stderr, "store_bench: mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	int rc = bench_size(dir, 1000);
	if (rc == 0)
		rc = bench_size(dir, 10000);
	char side[4200];
	for (int n = 1000; n <= 10000; n *= 10) {
		const char *ext[] = {"", "-wal", "-shm"};
		for (int e = 0; e < 3; e++) {
			snprintf(side, sizeof side, "%s/bok-%d.utenfor%s", dir, n, ext[e]);
			unlink(side);
		}
	}
	rmdir(dir);
	if (rc != 0)
		fprintf(stderr, "store_bench: failed\n");
	return rc != 0;
}
