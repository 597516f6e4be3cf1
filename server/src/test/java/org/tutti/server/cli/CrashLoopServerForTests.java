package org.tutti.server.cli;

import org.tutti.cli.JamulusOptions;

/**
 * The headless server in its own JVM, driven into a crash loop once it runs: three commands that throw a
 * StackOverflowError on the engine thread (an Error, which the tick's catch does not take), as a bug escaping the
 * engine would. Everything
 * after that is production code: the supervisor gives up, the server reports it and the process must exit with
 * {@link HeadlessServer#EXIT_ENGINE_FAILED}.
 */
public final class CrashLoopServerForTests {
    private CrashLoopServerForTests() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(HeadlessServer.run(JamulusOptions.parse(args), System.out, System.err, server -> {
            for (int i = 0; i < 3; i++) {
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        server.engine().call(CrashLoopServerForTests::failWithAnError);
                    } catch (IllegalStateException expected) {
                        // the failing command is never answered
                    }
                });
            }
        }));
    }

    private static Object failWithAnError() {
        // Thrown, not provoked: a test JVM once died (SIGSEGV, no hs_err file) in the client tests that provoke real
        // overflows; what is tested is the catch, which sees the same Error either way.
        throw new StackOverflowError("raised by the test");
    }

}
