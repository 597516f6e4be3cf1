package org.tutti.cli;

/**
 * One command-line option in Jamulus's style: {@code -p 22124}, {@code --port 22124} or {@code --port=22124}.
 *
 * @param shortName  letter without the dash, or null
 * @param longName   name without the dashes; also the key under which the value is found
 * @param valueName  placeholder shown in the help, or null for a flag
 * @param scope      which mode may use it
 * @param help       one line of help
 */
public record OptionSpec(String shortName, String longName, String valueName, Scope scope, String help) {
    /** Which program mode an option belongs to; Jamulus rejects server options in client mode and vice versa. */
    public enum Scope { COMMON, SERVER, CLIENT }

    public boolean takesValue() {
        return valueName != null;
    }

    public String display() {
        String names = (shortName != null ? "-" + shortName + ", " : "    ") + "--" + longName;
        return takesValue() ? names + " " + valueName : names;
    }
}
