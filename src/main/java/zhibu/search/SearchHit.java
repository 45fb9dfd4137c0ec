package zhibu.search;

import java.util.List;

/**
 * One hit, with the contract's fields ({@code id, kind, docId, docTitle, path, text, snippet, score}, and for a
 * clause or case {@code sentence}, its sentence that best answers the question, with its place in {@code text}),
 * and what a result list shows besides: the clause's number and heading, the document's status and kind (policy,
 * regulation, experience), the branch types, and for a case its unit and topics.
 */
public record SearchHit(String id, String kind, String docId, String docTitle, List<String> path, String text,
                        String snippet, float score, String sentence, Integer sentenceStart, Integer sentenceEnd,
                        String number, String heading, String status, String docKind, List<String> branchTypes,
                        String unit, List<String> topics) {
}
