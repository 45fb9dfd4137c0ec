package zhibu.packs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One item of a pack. A clause or case has its {@code id}, its {@code citation} (《title》（文号）path; a case by its
 * title, unit and compilation), its {@code title} and the {@code text} it had when added; a heading or a note has
 * only {@code text}. A clause stating bands (党费 by income) has them as {@code rows}, one table row each.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PackItem(ItemType type, String id, String title, String text, String citation, List<String> rows) {
    public PackItem {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public static PackItem heading(String text) {
        return new PackItem(ItemType.HEADING, null, null, text, null, List.of());
    }

    public static PackItem note(String text) {
        return new PackItem(ItemType.NOTE, null, null, text, null, List.of());
    }

    /** A clause or case named by id alone, as a request gives it: the library fills in the rest. */
    public static PackItem reference(ItemType type, String id) {
        return new PackItem(type, id, null, null, null, List.of());
    }

    /** The line a table of contents shows for the item. */
    public String label() {
        return switch (type) {
            case HEADING, NOTE -> text;
            case CLAUSE, CASE -> title == null || title.isBlank() ? citation : title;
        };
    }
}
