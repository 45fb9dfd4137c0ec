package zhibu.ingest;

import java.nio.file.Path;

/** File names as they may be printed: a control character in a name (a line break) cannot forge an output line. */
public final class Names {
    private Names() {
    }

    public static String printable(Object name) {
        String s = String.valueOf(name);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String printable(Path path) {
        return printable((Object) path);
    }
}
