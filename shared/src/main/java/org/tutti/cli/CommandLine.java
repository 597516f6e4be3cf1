package org.tutti.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses Jamulus-style options against a list of {@link OptionSpec}s. */
public final class CommandLine {
    private final Map<String, OptionSpec> byName = new HashMap<>();

    public CommandLine(List<OptionSpec> specs) {
        for (OptionSpec spec : specs) {
            byName.put("--" + spec.longName(), spec);
            if (spec.shortName() != null) {
                byName.put("-" + spec.shortName(), spec);
            }
        }
    }

    public ParsedOptions parse(String... args) throws UsageException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                inlineValue = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            OptionSpec spec = byName.get(arg);
            if (spec == null) {
                throw new UsageException(arg.startsWith("-")
                        ? "unknown option '" + arg + "'"
                        : "unexpected argument '" + arg + "'");
            }
            String value = "";
            if (spec.takesValue()) {
                if (inlineValue != null) {
                    value = inlineValue;
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("option '" + arg + "' needs a value (" + spec.valueName() + ")");
                }
            } else if (inlineValue != null) {
                throw new UsageException("option '" + arg + "' takes no value");
            }
            values.put(spec.longName(), value);
        }
        return new ParsedOptions(values);
    }
}
