/* The floor for a screen whose keys answer with many bytes (docs/performance.md, the
 * before/after screen): raw mode, a marker line, then on each key the next of the given
 * files written out whole, in turn (the bytes aftercare sent for those keys, taken from a
 * tui_probe.py --log), so the time measured is only the bytes' way through the pty.
 * usage: replay FILE...   q quits. */
#include <stdio.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

static char *slurp(const char *path, long *len) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(1); }
  fseek(f, 0, SEEK_END); *len = ftell(f); rewind(f);
  char *b = malloc(*len);
  if (!b || fread(b, 1, *len, f) != (size_t)*len) { perror(path); exit(1); }
  fclose(f);
  return b;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: replay FILE...\n"); return 2; }
  int n = argc - 1;
  char **blobs = malloc(n * sizeof *blobs); long *lens = malloc(n * sizeof *lens);
  for (int i = 0; i < n; i++) blobs[i] = slurp(argv[i + 1], &lens[i]);
  struct termios old, raw; tcgetattr(0, &old); raw = old; cfmakeraw(&raw); tcsetattr(0, TCSANOW, &raw);
  const char start[] = "\x1b[?1049h\x1b[H\x1b[2JREPLAY-READY press q to quit";
  write(1, start, sizeof start - 1);
  /* One answer per read: an arrow key is one read of three bytes (ESC [ D). */
  char in[64]; ssize_t got; int k = 0;
  while ((got = read(0, in, sizeof in)) > 0 && in[0] != 'q') {
    const char *p = blobs[k % n]; long left = lens[k % n]; k++;
    while (left > 0) { ssize_t w = write(1, p, left); if (w <= 0) break; p += w; left -= w; }
  }
  write(1, "\x1b[?1049l", 8);
  tcsetattr(0, TCSANOW, &old);
  return 0;
}
