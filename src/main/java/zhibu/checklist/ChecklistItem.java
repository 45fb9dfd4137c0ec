package zhibu.checklist;

import java.util.List;
import zhibu.core.Frequency;

/**
 * One line of a checklist, with the contract's fields; {@code requirement} follows the strictest variant. {@code duty}
 * says who must do it and {@code holder} names them as the sources do (支部委员会, 党支部书记, 高校党委, 单位);
 * {@code optional} that the sources only allow or encourage it; {@code matter} its row of the coverage table
 * ({@code matters} every row its sentences touch); and {@code rows} the table of a requirement stated as several
 * bands (党费 by income and by kind of member), each row a whole sentence of its source.
 */
public record ChecklistItem(String id, String category, String title, String requirement, Frequency frequency,
                            List<Source> sources, List<Variant> variants, Duty duty, String holder, boolean optional,
                            String matter, List<String> matters, List<Row> rows) {

    /**
     * Where a requirement is written: the clause, the sentence of it (or the piece of one) that states it, and the
     * region of its document (全国, or the place whose branches it binds).
     */
    public record Source(String clauseId, String docTitle, String docNumber, List<String> path, String text,
                         String sentence, String region) {
    }

    /** One of the ways the sources state the requirement, when they differ. */
    public record Variant(String requirement, Frequency frequency, List<Source> sources) {
    }

    /** One band of a table item, with its source. */
    public record Row(String text, Source source) {
    }
}
