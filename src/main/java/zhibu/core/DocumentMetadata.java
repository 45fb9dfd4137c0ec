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

    public DocumentMetadata {
        branchTypes = List.copyOf(branchTypes);
    }
}
