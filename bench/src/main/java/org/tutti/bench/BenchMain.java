package org.tutti.bench;

import java.util.Arrays;
import org.tutti.bench.load.LoadGenerator;

/**
 * Entry point of {@code tutti-bench.jar}: {@code load ...} runs the Jamulus load generator, {@code jmh ...} the
 * JMH benchmarks (with JMH's own options).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "load" -> System.exit(LoadGenerator.main(rest));
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            default -> {
                System.err.println("usage: java -jar tutti-bench.jar load --server 127.0.0.1:PORT --clients N"
                        + " --seconds S [...]   (load --help for all options)");
                System.err.println("       java -jar tutti-bench.jar jmh [JMH options, e.g. a benchmark regex]");
                System.exit(2);
            }
        }
    }
}
