package zhibu.index;

import zhibu.core.Case;
import zhibu.core.Clause;
import zhibu.core.Sentence;

/**
 * What each record's vector is computed from: a clause's text (its heading opens it), a case's title and text, a
 * sentence as written. (A sentence prefixed with its clause's heading was tried: it matched the questions of
 * dev-queries-2.tsv worse, 0.72 against 0.77 Hit@1 for the sentence view alone.)
 */
final class VectorTexts {
    private VectorTexts() {
    }

    static String clause(Clause clause) {
        return clause.text();
    }

    static String caseOf(Case c) {
        return c.title() + "\n" + c.text();
    }

    static String sentence(Sentence sentence) {
        return sentence.text();
    }
}
