package zhibu.checklist;

import java.util.List;
import java.util.regex.Pattern;
import zhibu.analysis.DomainDictionary;

/**
 * What a branch's year is made of (checklist-matters.tsv): each matter with its category and the words that place a
 * requirement under it; the core matters make the coverage table a checklist is checked against.
 */
public final class Matters {
    /** One row of the table; as JSON, its name. */
    public record Matter(@com.fasterxml.jackson.annotation.JsonValue String name, String category, boolean core,
                         Pattern pattern) {
        /** The row of the table with this name. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Matter named(String name) {
            return ALL.stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no matter " + name + " in checklist-matters.tsv"));
        }
    }

    private static final List<Matter> ALL = DomainDictionary.dataLines("checklist-matters.tsv").stream()
            .map(line -> line.split("\t"))
            .map(f -> new Matter(f[0].strip(), f[1].strip(), f[2].strip().equals("core"), Pattern.compile(f[3].strip())))
            .toList();

    private Matters() {
    }

    public static List<Matter> all() {
        return ALL;
    }

    public static List<Matter> core() {
        return ALL.stream().filter(Matter::core).toList();
    }

    /** Every matter whose words the text has, in the table's order. */
    public static List<Matter> allOf(String text) {
        return ALL.stream().filter(m -> m.pattern().matcher(text).find()).toList();
    }

    /** The first matter whose words the text has, or null. */
    public static Matter of(String text) {
        for (Matter m : ALL) {
            if (m.pattern().matcher(text).find()) {
                return m;
            }
        }
        return null;
    }
}
