/* Machine-dependent JNI types for 64-bit Windows, for cross-compiling the JNI shim with mingw-w64
 * on Linux (the JDK on Linux ships only the Linux variant of this header). */
#ifndef TUTTI_WIN32_JNI_MD_H
#define TUTTI_WIN32_JNI_MD_H

#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)
#define JNICALL /* x64 Windows has a single calling convention */

typedef long jint;
typedef long long jlong;
typedef signed char jbyte;

#endif
