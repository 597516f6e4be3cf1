/* Tutti's JNI shim over the Opus custom-mode (CELT) API. One function per Java native method in
 * org.tutti.codec.OpusNative; pointers travel as jlong. Arrays are pinned with
 * GetPrimitiveArrayCritical so that no copy and no allocation happens per frame. */
#include <jni.h>
#include <stdint.h>
#include "opus_custom.h"
#include "opus_defines.h"

#define PTR(x) ((void *)(intptr_t)(x))

JNIEXPORT jlong JNICALL Java_org_tutti_codec_OpusNative_modeCreate(JNIEnv *env, jclass cls, jint rate, jint frameSamples) {
  int err = 0;
  OpusCustomMode *mode = opus_custom_mode_create(rate, frameSamples, &err);
  return err == OPUS_OK ? (jlong)(intptr_t)mode : 0;
}

JNIEXPORT jlong JNICALL Java_org_tutti_codec_OpusNative_encoderCreate(JNIEnv *env, jclass cls, jlong mode, jint channels) {
  int err = 0;
  OpusCustomEncoder *enc = opus_custom_encoder_create(PTR(mode), channels, &err);
  return err == OPUS_OK ? (jlong)(intptr_t)enc : 0;
}

JNIEXPORT jlong JNICALL Java_org_tutti_codec_OpusNative_decoderCreate(JNIEnv *env, jclass cls, jlong mode, jint channels) {
  int err = 0;
  OpusCustomDecoder *dec = opus_custom_decoder_create(PTR(mode), channels, &err);
  return err == OPUS_OK ? (jlong)(intptr_t)dec : 0;
}

/* complexity and lossPercent < 0 leave the library default, as Jamulus does for some modes. */
JNIEXPORT jint JNICALL Java_org_tutti_codec_OpusNative_encoderConfigure(JNIEnv *env, jclass cls, jlong enc,
    jint bitrate, jint complexity, jint lossPercent) {
  OpusCustomEncoder *st = PTR(enc);
  int rc = opus_custom_encoder_ctl(st, OPUS_SET_VBR(0));
  if (rc != OPUS_OK) return rc;
  /* CELT has no application switch; restricted low delay is what it always does. The call is
     made for parity with Jamulus and its "unimplemented" answer is expected. */
  opus_custom_encoder_ctl(st, OPUS_SET_APPLICATION(OPUS_APPLICATION_RESTRICTED_LOWDELAY));
  rc = opus_custom_encoder_ctl(st, OPUS_SET_BITRATE(bitrate));
  if (rc != OPUS_OK) return rc;
  if (complexity >= 0 && (rc = opus_custom_encoder_ctl(st, OPUS_SET_COMPLEXITY(complexity))) != OPUS_OK) return rc;
  if (lossPercent >= 0 && (rc = opus_custom_encoder_ctl(st, OPUS_SET_PACKET_LOSS_PERC(lossPercent))) != OPUS_OK) return rc;
  return OPUS_OK;
}

JNIEXPORT jint JNICALL Java_org_tutti_codec_OpusNative_encode(JNIEnv *env, jclass cls, jlong enc,
    jshortArray pcm, jint pcmOffset, jint frameSamples, jbyteArray out, jint outOffset, jint codedBytes) {
  jshort *in = (*env)->GetPrimitiveArrayCritical(env, pcm, NULL);
  if (in == NULL) return OPUS_ALLOC_FAIL;
  jbyte *dst = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
  if (dst == NULL) { (*env)->ReleasePrimitiveArrayCritical(env, pcm, in, JNI_ABORT); return OPUS_ALLOC_FAIL; }
  int n = opus_custom_encode(PTR(enc), in + pcmOffset, frameSamples, (unsigned char *)dst + outOffset, codedBytes);
  (*env)->ReleasePrimitiveArrayCritical(env, out, dst, 0);
  (*env)->ReleasePrimitiveArrayCritical(env, pcm, in, JNI_ABORT);
  return n;
}

/* length 0 means "frame lost": the decoder conceals from its own state. */
JNIEXPORT jint JNICALL Java_org_tutti_codec_OpusNative_decode(JNIEnv *env, jclass cls, jlong dec,
    jbyteArray data, jint dataOffset, jint length, jshortArray pcm, jint pcmOffset, jint frameSamples) {
  jshort *dst = (*env)->GetPrimitiveArrayCritical(env, pcm, NULL);
  if (dst == NULL) return OPUS_ALLOC_FAIL;
  int n;
  if (length <= 0 || data == NULL) {
    n = opus_custom_decode(PTR(dec), NULL, 0, dst + pcmOffset, frameSamples);
  } else {
    jbyte *src = (*env)->GetPrimitiveArrayCritical(env, data, NULL);
    if (src == NULL) { (*env)->ReleasePrimitiveArrayCritical(env, pcm, dst, 0); return OPUS_ALLOC_FAIL; }
    n = opus_custom_decode(PTR(dec), (const unsigned char *)src + dataOffset, length, dst + pcmOffset, frameSamples);
    (*env)->ReleasePrimitiveArrayCritical(env, data, src, JNI_ABORT);
  }
  (*env)->ReleasePrimitiveArrayCritical(env, pcm, dst, 0);
  return n;
}

JNIEXPORT void JNICALL Java_org_tutti_codec_OpusNative_encoderDestroy(JNIEnv *env, jclass cls, jlong enc) {
  opus_custom_encoder_destroy(PTR(enc));
}

JNIEXPORT void JNICALL Java_org_tutti_codec_OpusNative_decoderDestroy(JNIEnv *env, jclass cls, jlong dec) {
  opus_custom_decoder_destroy(PTR(dec));
}

JNIEXPORT jstring JNICALL Java_org_tutti_codec_OpusNative_errorText(JNIEnv *env, jclass cls, jint code) {
  return (*env)->NewStringUTF(env, opus_strerror(code));
}
