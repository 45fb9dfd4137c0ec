package zhibu.index;

import java.util.Locale;
import java.util.Optional;

/**
 * What an index record is: a clause, a case, a whole document, or one sentence of a clause or case (the evidence a
 * clause or case is also scored by; never a hit of its own).
 */
public enum UnitKind {
    CLAUSE, CASE, DOCUMENT, SENTENCE;

    /** The kinds a search can be asked for. */
    public static final java.util.List<UnitKind> SEARCHABLE = java.util.List.of(CLAUSE, CASE, DOCUMENT);

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UnitKind> fromLabel(String label) {
        return SEARCHABLE.stream().filter(k -> k.label().equals(label)).findFirst();
    }
}
