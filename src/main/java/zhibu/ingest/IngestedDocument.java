package zhibu.ingest;

import zhibu.core.DocumentMetadata;

/** A document as ingestion makes it: metadata and clean paragraphs. */
public record IngestedDocument(DocumentMetadata metadata, NormalizedText body) {
}
