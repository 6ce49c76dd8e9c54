package org.vigil.agent.config;

/**
 * One ha.cf directive of Heartbeat 3.0.6: how it is written, its default, its unit, what it
 * means, and whether Vigil acts on it. The same table drives the parser, the warning for
 * directives Vigil only accepts, and {@code docs/config-reference.md}.
 */
public record Directive(
        String name,
        Kind kind,
        String syntax,
        String defaultValue,
        String unit,
        Support support,
        String meaning) {

    /** How Heartbeat reads the rest of the line. */
    public enum Kind {
        /** Values separated by blanks or commas, each applied on its own ({@code node a b}). */
        OPTION_LIST,
        /** The rest of the line is one value ({@code stonith_host * type params}). */
        WHOLE_LINE,
        /** A medium plugin that reads the rest of the line itself ({@code mcast ...}). */
        MEDIA
    }

    /** What Vigil does with the directive. */
    public enum Support {
        /** Parsed into the config records and acted on. */
        IMPLEMENTED,
        /** Understood and checked, but Vigil does not act on it yet: a warning says so. */
        ACCEPTED,
        /** Ignored with a warning that says what to use instead. */
        OBSOLETE
    }
}
