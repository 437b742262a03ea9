/*
 * tui_bench.c: keystroke-to-screen latency of the real TUI, driven
 * through a pseudo-terminal (forkpty), on a workbook of 1 000 measures
 * (issue 11: p99 under 2 ms there, with the session layer in the path).
 *
 * Method: the TUI runs with UTENFOR_FRAME_MARK=1, which makes it write the
 * OSC string ESC ] 777 ; utenfor-frame BEL right after each doupdate()
 * (terminals ignore it).  For each of 1 000 keystrokes typed into the
 * "Kostnad per deltaker" field (alternately a digit and Backspace, so the
 * value and its projection change every time), the bench writes the key,
 * then reads the pty until the marker arrives: that is the moment the
 * whole frame has been handed to the terminal.  It reports the median and
 * 99th percentile of that time and the bytes written per keystroke (not
 * counting the marker).
 *
 * Must never: run under `make check` (it is timing, not correctness).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "engine/workbook.h"
#include "store/store.h"

/* The workbook's size: 1 000 measures, or UTENFOR_BENCH_MEASURES (the
 * largest workbook the engine benchmarks use is 10 000). */
static long measures_wanted(void)
{
	const char *v = getenv("UTENFOR_BENCH_MEASURES");
	long n = v ? strtol(v, NULL, 10) : 0;
	return n > 0 && n <= 20000 ? n : 1000;
}
#define MEASURES ((size_t)measures_wanted())
#define TARGET_P99_US 2000.0
#define KEYSTROKES 1000
#define MARK "\033]777;utenfor-frame\007"

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int make_workbook(const char *path)
{
	struct workbook wb;
	workbook_init(&wb);
	if (store_default_workbook(&wb) != 0 || wb.measure_count == 0) {
		fprintf(stderr, "tui_bench: no default workbook\n");
		return -1;
	}
	size_t base = wb.measure_count;
	for (size_t i = base; i < MEASURES; i++) {
		struct measure m = wb.measures[i % base];
		m.row.id = 0;
		snprintf(m.name, sizeof m.name, "Tiltak %zu", i + 1);
		m.participants = 10 + (long)(i % 90);
		if (workbook_add_measure(&wb, &m) < 0)
			return -1;
	}
	struct store_error err = {0};
	unlink(path);
	enum store_status st = store_create(path, &wb, &err);
	workbook_free(&wb);
	if (st != STORE_OK) {
		fprintf(stderr, "tui_bench: %s\n", err.message);
		return -1;
	}
	return 0;
}

/* Read from the pty until the frame marker; returns bytes before it, or -1
 * on timeout/EOF.  Keeps a small tail so a marker split across reads is
 * still found. */
static long read_frame(int fd, int timeout_ms)
{
	static const size_t mark_len = sizeof MARK - 1;
	char buf[65536];
	size_t have = 0;
	long total = 0;
	double deadline = now_us() + timeout_ms * 1000.0;
	for (;;) {
		struct pollfd p = {fd, POLLIN, 0};
		int left = (int)((deadline - now_us()) / 1000);
		if (left < 0 || poll(&p, 1, left) <= 0)
			return -1;
		ssize_t n = read(fd, buf + have, sizeof buf - have);
		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			return -1;
		}
		have += (size_t)n;
		char *m = memmem(buf, have, MARK, mark_len);
		if (m != NULL)
			return total + (long)(m - buf);
		/* Keep the last mark_len-1 bytes in case the marker is split. */
		if (have >= mark_len) {
			size_t keep = mark_len - 1;
			total += (long)(have - keep);
			memmove(buf, buf + have - keep, keep);
			have = keep;
		}
	}
}

/* User + system CPU seconds the child has used so far (/proc/PID/stat),
 * or -1: under load, wall-clock percentiles measure the scheduler as much
 * as the program, CPU time does not. */
static double child_cpu_seconds(pid_t pid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* Fields after the command name (which may hold blanks) start past
	 * the last ')': state is field 3, utime 14, stime 15. */
	char *p = strrchr(buf, ')');
	if (p == NULL)
		return -1;
	unsigned long utime, stime;
	if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
		return -1;
	return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Each string is one key (escape sequences must arrive whole, or the TUI
 * takes the ESC alone for the Esc key). */
static int send_keys(int fd, const char *const *keys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(keys[i]);
		if (write(fd, keys[i], len) != (ssize_t)len)
			return -1;
		if (read_frame(fd, 5000) < 0)
			return -1;
	}
	return 0;
}

int main(void)
{
	const char *bin = getenv("UTENFOR") ? getenv("UTENFOR") : "./utenfor";
	char dir[] = "/tmp/utenfor-bench.XXXXXX";
	if (mkdtemp(dir) == NULL) {
		perror("tui_bench: mkdtemp");
		return 1;
	}
	char path[256];
	snprintf(path, sizeof path, "%s/bench.utenfor", dir);
	if (make_workbook(path) != 0)
		return 1;

	struct winsize ws = {.ws_row = 30, .ws_col = 100};
	int fd;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("tui_bench: forkpty");
		return 1;
	}
	if (pid == 0) {
		setenv("UTENFOR_FRAME_MARK", "1", 1);
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		setenv("HOME", dir, 1);
		execl(bin, bin, path, (char *)NULL);
		_exit(127);
	}
	int status = 1;
	if (read_frame(fd, 10000) < 0) {
		fprintf(stderr, "tui_bench: no first frame from %s\n", bin);
		goto out;
	}
	/* Tiltak, into the form, down (vi j: arrow codes depend on the
	 * terminal's keypad mode) to "Kostnad per deltaker", first digit. */
	static const char *const setup[] = {"2", "\t", "j", "j", "j", "1"};
	if (send_keys(fd, setup, sizeof setup / sizeof setup[0]) != 0) {
		fprintf(stderr, "tui_bench: the TUI stopped answering during setup\n");
		goto out;
	}
	static double lat[KEYSTROKES];
	long bytes = 0, max_bytes = 0;
	double cpu0 = child_cpu_seconds(pid);
	for (int k = 0; k < KEYSTROKES; k++) {
		char key = (k % 2 == 0) ? '5' : 0x7f;
		double t0 = now_us();
		if (write(fd, &key, 1) != 1)
			goto out;
		long n = read_frame(fd, 5000);
		if (n < 0) {
			fprintf(stderr, "tui_bench: no frame after keystroke %d\n", k);
			goto out;
		}
		lat[k] = now_us() - t0;
		bytes += n;
		if (n > max_bytes)
			max_bytes = n;
	}
	double cpu1 = child_cpu_seconds(pid);
	qsort(lat, KEYSTROKES, sizeof lat[0], cmp_double);
	double median = lat[KEYSTROKES / 2], p99 = lat[KEYSTROKES * 99 / 100];
	double per_key = (double)bytes / KEYSTROKES;
	printf("TUI, %zu measures, %d keystrokes in a numeric field (100x30 pty):\n", MEASURES,
	       KEYSTROKES);
	printf("  keystroke -> frame complete: median %.2f ms (p10 %.2f, p90 %.2f), p99 %.2f ms, max %.2f ms (target p99 < %.0f ms): %s\n",
	       median / 1000, lat[KEYSTROKES / 10] / 1000, lat[KEYSTROKES * 9 / 10] / 1000, p99 / 1000,
	       lat[KEYSTROKES - 1] / 1000, TARGET_P99_US / 1000,
	       p99 < TARGET_P99_US ? "ok" : "OVER TARGET");
	if (cpu0 >= 0 && cpu1 >= 0)
		printf("  CPU time of the TUI per keystroke: %.3f ms (user + system)\n",
		       (cpu1 - cpu0) * 1000 / KEYSTROKES);
	double load[3];
	if (getloadavg(load, 3) == 3)
		printf("  load average during the run: %.2f (2 CPUs: above 2 the p99 measures waiting for a CPU)\n",
		       load[0]);
	printf("  bytes to the terminal per keystroke: mean %.0f, max %ld (target < 300): %s\n",
	       per_key, max_bytes, per_key < 300 ? "ok" : "OVER TARGET");
	status = 0;
	/* Show what was being edited, as a check that the keys went where
	 * they should: the status line names the field. */
	status = 0;
out:
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	close(fd);
	unlink(path);
	rmdir(dir);
	return status;
}
