package zhibu.checklist;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The requirements extracted from one version of the index, kept in a file beside it, so that a server started on
 * an index that ingestion already prepared answers its first checklist without reading every clause again. The file
 * names the version and the code's schema it was made for; any other is not read (the requirements are extracted
 * afresh and the file replaced). The file is a header, then one requirement after another, read one at a time with
 * the texts many of them share (a clause's text, a document's title) kept once.
 */
final class StoredRequirements {
    static final String FILE = "zhibu-checklist-requirements.json.gz";
    /** Bump when the extraction or the requirement records change. */
    static final int SCHEMA = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What the file holds. */
    record Contents(int schema, long version, Map<String, Integer> thresholds, List<Requirement> requirements) {
    }

    /** The file's first value. */
    private record Header(int schema, long version, Map<String, Integer> thresholds) {
    }

    private StoredRequirements() {
    }

    /** The requirements stored for this version of the index in {@code folder}, if any can be read. */
    static Optional<Contents> read(Path folder, long version) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             com.fasterxml.jackson.core.JsonParser parser = JSON.createParser(in)) {
            Header header = JSON.readValue(parser, Header.class);
            if (header.schema() != SCHEMA || header.version() != version) {
                return Optional.empty();
            }
            Map<String, String> shared = new java.util.HashMap<>();
            java.util.function.UnaryOperator<String> once = s -> s == null ? null : shared.computeIfAbsent(s, k -> k);
            List<Requirement> requirements = new java.util.ArrayList<>();
            try (com.fasterxml.jackson.databind.MappingIterator<Requirement> each =
                         JSON.readerFor(Requirement.class).readValues(parser)) {
                while (each.hasNextValue()) {
                    Requirement r = each.nextValue();
                    requirements.add(new Requirement(r.clauseId(), once.apply(r.docId()), once.apply(r.docTitle()),
                            once.apply(r.docNumber()), once.apply(r.region()), r.path().stream().map(once).toList(),
                            once.apply(r.clauseText()), r.sentence(), r.statement(), r.terms(), r.matter(), r.matters(),
                            r.duty(), once.apply(r.holder()), r.partner(), r.optional(), r.person(), r.frequency(),
                            r.quantity(), r.condition(), r.structure(), r.branchTypes()));
                }
            }
            return Optional.of(new Contents(header.schema(), header.version(), header.thresholds(), requirements));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or of another code: extracted again
        }
    }

    /** Replaces the file with these contents (written aside first, so a reader never sees half a file). */
    static void write(Path folder, Contents contents) throws IOException {
        Path partial = Files.createTempFile(folder, "zhibu-checklist-", ".partial");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16);
                 com.fasterxml.jackson.core.JsonGenerator json = JSON.createGenerator(out)) {
                json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                JSON.writeValue(json, new Header(contents.schema(), contents.version(), contents.thresholds()));
                for (Requirement r : contents.requirements()) {
                    JSON.writeValue(json, r);
                }
            }
            Files.move(partial, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
