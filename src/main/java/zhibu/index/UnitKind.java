package zhibu.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an index record is: a clause, a case, or a whole document. */
public enum UnitKind {
    CLAUSE, CASE, DOCUMENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UnitKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst();
    }
}
