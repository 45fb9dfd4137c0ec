package zhibu.answer;

import java.util.List;

/**
 * The direct answer to a question: the sentence that answers it and, within it, the part that states the answer
 * and its value (每季度1次, 1.5%) with the words of the sentence it was read from ({@code valueText}, a literal span
 * of the sentence: 每季度召开1次); where it is from; and, when documents disagree on the same matter, every value
 * side by side with the documents stating it, the stricter marked.
 */
public record Answer(String sentence, String part, String value, String valueText, String clauseId, String docId,
                     String docTitle, String docNumber, String docStatus, List<String> path, List<Variant> variants,
                     String withheld) {

    /** The answer as found, with nothing withheld. */
    public Answer(String sentence, String part, String value, String valueText, String clauseId, String docId,
                  String docTitle, String docNumber, String docStatus, List<String> path, List<Variant> variants) {
        this(sentence, part, value, valueText, clauseId, docId, docTitle, docNumber, docStatus, path, variants, null);
    }

    /**
     * The sentence kept as the nearest rule, its value and variants withheld, with the sentence saying why
     * ({@code withheld}: the rule speaks of another body than the question).
     */
    public Answer nearest(String why) {
        return new Answer(sentence, part, null, null, clauseId, docId, docTitle, docNumber, docStatus, path, List.of(),
                why);
    }

    /** One value documents give, and which of them give it. */
    public record Variant(String value, boolean stricter, List<Source> sources) {
    }

    /** A document's statement of a value: the clause, the document and its status, the sentence. */
    public record Source(String clauseId, String docId, String docTitle, String docNumber, String docStatus,
                         List<String> path, String sentence) {
        static Source of(Passage p) {
            return new Source(p.clauseId(), p.docId(), p.docTitle(), p.docNumber(), p.docStatus(), p.path(),
                    p.sentence());
        }
    }
}
