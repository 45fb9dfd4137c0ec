package zhibu.export;

/** Text made safe for HTML element content and attribute values. */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
