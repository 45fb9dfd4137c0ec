package zhibu.packs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** What an item of a course pack is: a cited clause or case, or the trainer's own heading or note. */
public enum ItemType {
    CLAUSE, CASE, HEADING, NOTE;

    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Clauses and cases are cited by id; headings and notes are the trainer's text. */
    public boolean cited() {
        return this == CLAUSE || this == CASE;
    }

    public static Optional<ItemType> of(String label) {
        for (ItemType t : values()) {
            if (t.label().equals(label)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
