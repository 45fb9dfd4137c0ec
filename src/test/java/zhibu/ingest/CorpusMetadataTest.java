package zhibu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import zhibu.core.DocumentMetadata;
import zhibu.testing.Paths;

/** Every corpus document's metadata, read from its content alone, matches MANIFEST wherever the content states it. */
class CorpusMetadataTest {
    /** Fields a document's text does not state, so that nothing can be read for them. */
    private static final java.util.Map<String, Set<String>> NOT_IN_CONTENT = java.util.Map.of(
            // only the 收缴 articles: no title line, no issuer, no date in the text
            "regulations/关于中国共产党党费收缴、使用和管理的规定（收缴部分）.txt", Set.of("title", "issuer", "date", "region"),
            // the constitution-style 条例 names no issuer in its text
            "regulations/中国共产党党员教育管理工作条例.txt", Set.of("issuer", "region"),
            // a compilation from many places
            "experience/001_86db140b11ca692a.txt", Set.of("region"));

    static Stream<Manifest.Entry> entries() throws Exception {
        return Manifest.read(Paths.CORPUS.resolve(Manifest.FILE_NAME)).entries().stream()
                .sorted(java.util.Comparator.comparing(Manifest.Entry::path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void metadataFromContentMatchesManifest(Manifest.Entry expected) throws Exception {
        Path file = Paths.CORPUS.resolve(expected.path());
        DocumentMetadata actual = new DocumentReader(false).read(file).metadata();
        Set<String> absent = NOT_IN_CONTENT.getOrDefault(expected.path(), Set.of());
        check("title", expected.title(), actual.title(), absent);
        check("issuer", expected.issuer(), actual.issuer(), absent);
        check("docNumber", expected.docNumber(), actual.docNumber(), absent);
        check("date", expected.date(), actual.date(), absent);
        check("region", expected.region(), actual.region(), absent);
        assertEquals(expected.kind(), actual.kind().code(), "kind");
        assertEquals(zhibu.core.BranchType.labels(Manifest.documentBranchTypes(expected.appliesTo())),
                actual.branchTypes(), "branch types");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void manifestBesideTheFilesOverridesTheContent(Manifest.Entry expected) throws Exception {
        DocumentMetadata actual = new DocumentReader(true).read(Paths.CORPUS.resolve(expected.path())).metadata();
        assertEquals(expected.title(), actual.title());
        assertEquals(expected.date(), actual.date());
        if (expected.status() != null) {
            assertEquals(expected.status(), actual.status());
        }
        assertEquals(expected.region(), actual.region());
        assertNotNull(actual.sha256());
        assertEquals(List.of(actual.id()), List.of(DocumentIds.forFile(Path.of(expected.path()).getFileName().toString())));
    }

    private static void check(String field, String expected, String actual, Set<String> absent) {
        if (!absent.contains(field)) {
            assertEquals(expected, actual, field);
        }
    }
}
