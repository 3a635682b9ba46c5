package org.onegrid.errors;

/**
 * Text from a request made fit for a log line: control characters (NUL, escape, line breaks)
 * and invisible formatting characters (bidi overrides, zero-width spaces) are written as
 * {@code \\uXXXX}, so that no client can forge log lines, colour a terminal or hide text, and a
 * long value is cut.
 */
public final class LogSafe {

    private static final int MAX = 300;

    private LogSafe() {
    }

    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 16);
        for (int i = 0; i < s.length() && out.length() < MAX; ) {
            int c = s.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.length() >= MAX && s.length() > MAX ? out + "..." : out.toString();
    }
}
