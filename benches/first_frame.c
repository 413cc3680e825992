/* First frames, the floor and one or more builds of the app taking turns run by run.
 *
 * tui_probe.py starts each program from Python: forking the interpreter costs 2-4 ms and
 * varies by more than a millisecond from run to run, which is more than the app's whole
 * lead over the floor. This launcher forks from a small C process instead and alternates
 * the programs on every run, so a slow second on the machine falls on all of them alike.
 * It measures what the probe measures: from fork to the read that brings the marker text
 * ("READY" for the floor, "Day 3" for the app) in a 120x40 pseudo-terminal; then it sends q.
 *
 * Build and run (from the repository root; benches/e2e.sh makes the floor and a data
 * directory with a treatment two days before --now):
 *   cc -O2 -o /tmp/first_frame benches/first_frame.c -lutil
 *   /tmp/first_frame 300 DATA_DIR FLOOR APP [APP...]
 * Prints percentiles in microseconds per program. */
#define _GNU_SOURCE
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* One run: microseconds from fork to the marker, or -1 if it never came. */
static double first_frame(const char *program, const char *data_dir, int is_floor) {
  const char *marker = is_floor ? "READY" : "Day 3";
  struct winsize size = {.ws_row = 40, .ws_col = 120, .ws_xpixel = 960, .ws_ypixel = 640};
  int pty;
  double start = now_us();
  pid_t pid = forkpty(&pty, NULL, NULL, &size);
  if (pid < 0) return -1;
  if (pid == 0) {
    if (is_floor)
      execl(program, program, (char *)NULL);
    else
      execl(program, program, "--data-dir", data_dir, "--now", "2026-11-22 09:00", (char *)NULL);
    _exit(127);
  }
  static char seen[1 << 20];
  size_t len = 0;
  double at = -1;
  while (at < 0 && len < sizeof seen) {
    struct pollfd p = {.fd = pty, .events = POLLIN};
    if (poll(&p, 1, 2000) <= 0) break;
    ssize_t n = read(pty, seen + len, sizeof seen - len);
    if (n <= 0) break;
    len += (size_t)n;
    if (memmem(seen, len, marker, strlen(marker))) at = now_us() - start;
  }
  usleep(10000);
  if (write(pty, "q", 1) != 1) kill(pid, SIGTERM);
  for (;;) { /* drain until the program has left */
    struct pollfd p = {.fd = pty, .events = POLLIN};
    if (poll(&p, 1, 1000) <= 0 || read(pty, seen, sizeof seen) <= 0) break;
  }
  waitpid(pid, NULL, 0);
  close(pty);
  return at;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: %s RUNS DATA_DIR FLOOR APP [APP...]\n", argv[0]);
    return 2;
  }
  int runs = atoi(argv[1]), programs = argc - 3;
  if (runs < 4) runs = 4;
  double *times = calloc((size_t)runs * programs, sizeof(double));
  if (!times) return 1;
  setenv("TZ", "Europe/Berlin", 1);
  setenv("TERM", "xterm-256color", 1);
  for (int run = 0; run < runs; run++)
    for (int p = 0; p < programs; p++)
      times[p * runs + run] = first_frame(argv[3 + p], argv[2], p == 0);
  for (int p = 0; p < programs; p++) {
    double *t = times + p * runs;
    qsort(t, runs, sizeof(double), by_value);
    int failed = 0; /* sorted first, as -1 */
    while (failed < runs && t[failed] < 0) failed++;
    int ok = runs - failed;
    if (ok == 0) {
      printf("%-40s no frame in %d runs\n", argv[3 + p], runs);
      continue;
    }
    t += failed;
    printf("%-40s p10 %5.0f  p25 %5.0f  median %5.0f  p75 %5.0f us  (%d of %d runs)\n",
           argv[3 + p], t[ok / 10], t[ok / 4], t[ok / 2], t[3 * ok / 4], ok, runs);
  }
  free(times);
  return 0;
}
