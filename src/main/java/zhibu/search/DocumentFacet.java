package zhibu.search;

/**
 * One document among the hits, for narrowing a search to it: its id, title and issuer (a title alone is no name for
 * a document: every place issues its own 实施意见 under the same title), and how many hits it holds.
 */
public record DocumentFacet(String docId, String docTitle, String issuer, String region, int count) {
}
