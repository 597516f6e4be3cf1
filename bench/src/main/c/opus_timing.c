/*
 * Same-run C reference for the JMH codec benchmark: encode + decode of one stereo frame through the
 * Opus custom-mode API, configured as Tutti's JNI shim configures it (CBR, restricted low delay,
 * complexity 1 at 128 samples, 35 % loss at 64), on the same kind of two-tone-plus-noise input.
 * usage: opus_timing FRAME_SAMPLES CODED_BYTES WARMUP_FRAMES TIMED_FRAMES
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "opus_custom.h"

static double now_ns(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s FRAME_SAMPLES CODED_BYTES WARMUP_FRAMES TIMED_FRAMES\n", argv[0]);
    return 2;
  }
  int frame = atoi(argv[1]), bytes = atoi(argv[2]);
  long warmup = atol(argv[3]), timed = atol(argv[4]);
  int err;
  OpusCustomMode *mode = opus_custom_mode_create(48000, frame, &err);
  OpusCustomEncoder *enc = opus_custom_encoder_create(mode, 2, &err);
  OpusCustomDecoder *dec = opus_custom_decoder_create(mode, 2, &err);
  if (!mode || !enc || !dec) { fprintf(stderr, "opus setup failed: %d\n", err); return 1; }
  opus_custom_encoder_ctl(enc, OPUS_SET_VBR(0));
  opus_custom_encoder_ctl(enc, OPUS_SET_APPLICATION(OPUS_APPLICATION_RESTRICTED_LOWDELAY));
  opus_custom_encoder_ctl(enc, OPUS_SET_BITRATE(48000 * 8 * bytes / frame));
  if (frame == 128) opus_custom_encoder_ctl(enc, OPUS_SET_COMPLEXITY(1));
  if (frame == 64) opus_custom_encoder_ctl(enc, OPUS_SET_PACKET_LOSS_PERC(35));

  static short signal[2 * 48000];
  srand(1);
  for (int i = 0; i < 48000; i++) {
    double t = i / 48000.0;
    double v = 6000 * sin(2 * M_PI * 440 * t) + 3000 * sin(2 * M_PI * 1375 * t) + 300 * (rand() / (double) RAND_MAX - 0.5);
    signal[2 * i] = (short) v;
    signal[2 * i + 1] = (short) (0.8 * v);
  }
  unsigned char coded[1275];
  short out[2 * 256];
  long pos = 0, sink = 0;
  double start = 0, start_cpu = 0;
  for (long n = 0; n < warmup + timed; n++) {
    if (n == warmup) { start = now_ns(CLOCK_MONOTONIC); start_cpu = now_ns(CLOCK_PROCESS_CPUTIME_ID); }
    if (opus_custom_encode(enc, signal + pos, frame, coded, bytes) != bytes) { fprintf(stderr, "encode failed\n"); return 1; }
    if (opus_custom_decode(dec, coded, bytes, out, frame) != frame) { fprintf(stderr, "decode failed\n"); return 1; }
    sink += out[frame];
    pos += 2 * frame;
    if (pos + 2 * frame > 2 * 48000) pos = 0;
  }
  double per = (now_ns(CLOCK_MONOTONIC) - start) / timed;
  double per_cpu = (now_ns(CLOCK_PROCESS_CPUTIME_ID) - start_cpu) / timed;
  printf("C %d/%d encode+decode: %.0f ns/frame wall, %.0f ns/frame CPU, over %ld frames (sink %ld)\n",
         frame, bytes, per, per_cpu, timed, sink);
  return 0;
}
