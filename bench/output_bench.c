/*
 * output_bench.c: time and peak memory of the outputs of big workbooks:
 * `calc --json` (the tree-built document against the streamed one, in the
 * same run) and the XLSX export, at 1 000 and 10 000 measures × 100 years.
 *
 * Each sample runs in a forked child that builds the synthetic workbook
 * (bench/synthetic.h), so its peak resident memory (ru_maxrss from
 * wait4()) is that of one output alone; the time is the child's wall
 * clock from after the build to the end of the output.  The real binary is
 * measured too when its path is given: `output_bench ./utenfor` writes the
 * workbook as an interchange document and runs `utenfor calc --json` on it
 * (that peak includes reading the document).  Prints the median, min and
 * max over the samples (few: each is seconds).  UTENFOR_BENCH_QUICK=1
 * leaves out the two slowest cases (the tree-built document and the XLSX
 * export of 10 000 measures: a minute and 3,7 GB, 2½ minutes and 3,6 GB).
 *
 * Must never: be built by `make` or `make check`.
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench/synthetic.h"
#include "engine/projection.h"
#include "interchange/json.h"
#include "report/xlsx.h"

#define SAMPLES_MAX 9

enum job { JOB_JSON_TREE, JOB_JSON_STREAM, JOB_XLSX };

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The child: build, then one output; the seconds it took go to `fd`. */
static int child(enum job job, int measures, const char *dir, int fd)
{
	struct rng r = {RNG_SEED};
	struct workbook wb;
	struct projection p;
	if (synthetic_build(&wb, &r, measures, 100) < 0)
		return 1;
	projection_init(&p);
	FILE *null = fopen("/dev/null", "w");
	if (null == NULL)
		return 1;
	double t0 = now_s();
	int rc = 0;
	if (job == JOB_JSON_TREE) {
		char *text = NULL;
		rc = projection_compute(&p, &wb) == 0 && (text = json_write_results(&wb, &p)) != NULL
			     ? 0
			     : 1;
		if (text != NULL)
			fputs(text, null);
		free(text);
	} else if (job == JOB_JSON_STREAM) {
		rc = projection_compute_streaming(&p, &wb) == 0 &&
				     json_write_results_file(null, &wb, &p, NULL) == 0
			     ? 0
			     : 1;
	} else {
		char path[4096], err[512];
		snprintf(path, sizeof path, "%s/bench.xlsx", dir);
		rc = projection_compute(&p, &wb) == 0 &&
				     export_xlsx(&wb, &p, path, true, err, sizeof err) == 0
			     ? 0
			     : 1;
		if (rc != 0)
			fprintf(stderr, "output_bench: %s\n", err);
	}
	fclose(null);
	double secs = now_s() - t0;
	if (write(fd, &secs, sizeof secs) != (ssize_t)sizeof secs)
		rc = 1;
	projection_free(&p);
	workbook_free(&wb);
	return rc;
}

/* The last sample's CPU seconds (user + system, the child's whole life):
 * on a loaded machine this moves much less than the wall clock. */
static double last_cpu;

/* One sample: seconds and peak kB, or -1. */
static int sample(enum job job, int measures, const char *dir, double *secs, long *kb)
{
	int fds[2];
	if (pipe(fds) < 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		close(fds[0]);
		_exit(child(job, measures, dir, fds[1]));
	}
	close(fds[1]);
	int status;
	struct rusage ru;
	ssize_t got = read(fds[0], secs, sizeof *secs);
	close(fds[0]);
	if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    got != (ssize_t)sizeof *secs)
		return -1;
	*kb = ru.ru_maxrss;
	last_cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		   (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	return 0;
}

/* `utenfor calc --json FILE >/dev/null`: wall seconds and peak kB. */
static int sample_binary(const char *utenfor, const char *file, double *secs, long *kb)
{
	double t0 = now_s();
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null < 0 || dup2(null, 1) < 0)
			_exit(127);
		execl(utenfor, utenfor, "calc", "--json", file, (char *)NULL);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	*secs = now_s() - t0;
	*kb = ru.ru_maxrss;
	last_cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		   (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void report(const char *name, double *secs, double *mb, double *cpu, int n)
{
	qsort(secs, (size_t)n, sizeof *secs, cmp_double);
	qsort(mb, (size_t)n, sizeof *mb, cmp_double);
	qsort(cpu, (size_t)n, sizeof *cpu, cmp_double);
	printf("%-46s median %7.3f s (min %.3f, max %.3f)  cpu %7.3f s (min %.3f)  "
	       "peak %7.1f MB (min %.1f, max %.1f)  [%d samples]\n",
	       name, secs[n / 2], secs[0], secs[n - 1], cpu[n / 2], cpu[0], mb[n / 2], mb[0],
	       mb[n - 1], n);
	fflush(stdout);
}

static int run(const char *name, enum job job, int measures, const char *dir, int n)
{
	double secs[SAMPLES_MAX], mb[SAMPLES_MAX], cpu[SAMPLES_MAX];
	for (int s = 0; s < n; s++) {
		long kb;
		if (sample(job, measures, dir, &secs[s], &kb) < 0) {
			fprintf(stderr, "output_bench: %s failed\n", name);
			return -1;
		}
		mb[s] = (double)kb / 1024.0;
		cpu[s] = last_cpu;
	}
	report(name, secs, mb, cpu, n);
	return 0;
}

static int run_binary(const char *name, const char *utenfor, int measures, const char *dir,
		      int n)
{
	char file[4096];
	snprintf(file, sizeof file, "%s/bench-%d.json", dir, measures);
	struct rng r = {RNG_SEED};
	struct workbook wb;
	if (synthetic_build(&wb, &r, measures, 100) < 0)
		return -1;
	char *text = json_write_workbook(&wb);
	workbook_free(&wb);
	FILE *f = text ? fopen(file, "w") : NULL;
	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		free(text);
		return -1;
	}
	free(text);
	double secs[SAMPLES_MAX], mb[SAMPLES_MAX], cpu[SAMPLES_MAX];
	for (int s = 0; s < n; s++) {
		long kb;
		if (sample_binary(utenfor, file, &secs[s], &kb) < 0) {
			fprintf(stderr, "output_bench: %s failed\n", name);
			return -1;
		}
		mb[s] = (double)kb / 1024.0;
		cpu[s] = last_cpu;
	}
	remove(file);
	report(name, secs, mb, cpu, n);
	return 0;
}

static int run_json_cases(const char *dir, bool slow, const char *utenfor);

int main(int argc, char **argv)
{
	char dir[] = "/tmp/output_bench.XXXXXX";
	if (mkdtemp(dir) == NULL) {
		perror("output_bench");
		return 1;
	}
	/* UTENFOR_BENCH_ONLY=json or xlsx runs only those cases. */
	const char *quick = getenv("UTENFOR_BENCH_QUICK");
	const char *only = getenv("UTENFOR_BENCH_ONLY");
	bool slow = quick == NULL || strcmp(quick, "1") != 0;
	bool json = only == NULL || strcmp(only, "json") == 0;
	bool xlsx = only == NULL || strcmp(only, "xlsx") == 0;
	int rc = 0;
	if (json)
		rc |= run_json_cases(dir, slow, argc > 1 ? argv[1] : "./utenfor");
	if (xlsx) {
		rc |= run("export --xlsx, 1 000 × 100", JOB_XLSX, 1000, dir, 3);
		if (slow)
			rc |= run("export --xlsx, 10 000 × 100", JOB_XLSX, 10000, dir, 1);
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/bench.xlsx", dir);
	remove(path);
	rmdir(dir);
	return rc != 0;
}

static int run_json_cases(const char *dir, bool slow, const char *utenfor)
{
	int rc = 0;
	rc |= run("calc --json, 1 000 × 100, tree-built (before)", JOB_JSON_TREE, 1000, dir, 5);
	rc |= run("calc --json, 1 000 × 100, streamed", JOB_JSON_STREAM, 1000, dir, 5);
	if (slow)
		rc |= run("calc --json, 10 000 × 100, tree-built (before)", JOB_JSON_TREE, 10000,
			  dir, 3);
	rc |= run("calc --json, 10 000 × 100, streamed", JOB_JSON_STREAM, 10000, dir, 3);
	/* `make bench` runs this from the build folder, next to utenfor. */
	if (access(utenfor, X_OK) == 0) {
		rc |= run_binary("utenfor calc --json, 1 000 × 100", utenfor, 1000, dir, 3);
		rc |= run_binary("utenfor calc --json, 10 000 × 100", utenfor, 10000, dir, 3);
	}
	return rc;
}
