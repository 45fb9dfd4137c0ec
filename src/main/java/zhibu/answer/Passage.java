package zhibu.answer;

import java.util.List;

/**
 * One sentence of a hit, as the answer weighs it: its clause and document (with the document's status: 现行有效,
 * 已修订, 已废止), its place in the clause's text, its
 * score on the ranking's scale, and the rank and score of its clause among the hits (1 = first).
 */
public record Passage(String clauseId, String docId, String docTitle, String docNumber, String docStatus,
                      List<String> path, String sentence, int start, int end, double score, int rank, double clauseScore) {
}
