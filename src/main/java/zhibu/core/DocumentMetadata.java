package zhibu.core;

import java.util.List;

/** What the contract calls document metadata; {@code date} is YYYY-MM-DD, YYYY-MM or YYYY. */
public record DocumentMetadata(
        String id,
        String title,
        String issuer,
        String docNumber,
        String date,
        DocumentKind kind,
        String status,
        String region,
        List<String> branchTypes,
        String source,
        String sha256) {

    public static final String CURRENT = "现行有效";

    public static final List<String> STATUSES = List.of(CURRENT, "已修订", "已废止");

    public DocumentMetadata {
        branchTypes = List.copyOf(branchTypes);
    }

    public DocumentMetadata withId(String newId) {
        return new DocumentMetadata(newId, title, issuer, docNumber, date, kind, status, region, branchTypes, source,
                sha256);
    }

    /** The same document as an administrator corrected it: status, branch types, region (null: unchanged). */
    public DocumentMetadata edited(String newStatus, List<String> newTypes, String newRegion) {
        return new DocumentMetadata(id, title, issuer, docNumber, date, kind, newStatus == null ? status : newStatus,
                newRegion == null ? region : newRegion, newTypes == null ? branchTypes : newTypes, source, sha256);
    }
}
