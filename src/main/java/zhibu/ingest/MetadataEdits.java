package zhibu.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import zhibu.core.DocumentMetadata;

/**
 * What an administrator corrected in a document's metadata (status, branch types, region), kept by document id in
 * a TSV file under the data folder, and applied over what was extracted and what MANIFEST.tsv says. An edit changes
 * the document's revision, so the next ingest re-indexes it. Written whole to a temporary file and moved into
 * place, so a crash leaves the old or the new file, never half of one.
 */
public final class MetadataEdits {
    /** One document's corrections; a null field keeps what the document says. */
    public record Edit(String status, List<String> branchTypes, String region) {
        /** A field holds no tab, line break or other control character: in the file each edit is one row. */
        public Edit {
            List<String> fields = new java.util.ArrayList<>(branchTypes == null ? List.of() : branchTypes);
            fields.add(status);
            fields.add(region);
            for (String field : fields) {
                if (field != null && (field.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || field.contains(";")
                        && branchTypes != null && branchTypes.contains(field))) {
                    throw new IllegalArgumentException("a metadata edit may not hold a control character or, in a"
                            + " branch type, a semicolon: " + field.replaceAll("\\p{Cntrl}", "?"));
                }
            }
        }

        public DocumentMetadata applyTo(DocumentMetadata m) {
            return m.edited(status, branchTypes, region);
        }

        String line(String id) {
            return String.join("\t", id, nullToEmpty(status),
                    branchTypes == null ? "" : String.join(";", branchTypes), nullToEmpty(region));
        }
    }

    private final Path file;
    private final Map<String, Edit> edits = new LinkedHashMap<>();

    private MetadataEdits(Path file) {
        this.file = file;
    }

    /** No file: nothing corrected, and nothing can be. */
    public static MetadataEdits none() {
        return new MetadataEdits(null);
    }

    public static MetadataEdits open(Path file) throws IOException {
        MetadataEdits edits = new MetadataEdits(file);
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = Arrays.copyOf(line.split("\t", -1), 4);
                edits.edits.put(cols[0], new Edit(emptyToNull(cols[1]),
                        emptyToNull(cols[2]) == null ? null : List.of(cols[2].split(";")), emptyToNull(cols[3])));
            }
        }
        return edits;
    }

    public synchronized Optional<Edit> of(String docId) {
        return Optional.ofNullable(edits.get(docId));
    }

    public synchronized DocumentMetadata apply(DocumentMetadata m) {
        Edit edit = edits.get(m.id());
        return edit == null ? m : edit.applyTo(m);
    }

    /** What the edits make part of a document's revision: its edit's line, or nothing. */
    public synchronized String revision(String docId) {
        Edit edit = edits.get(docId);
        return edit == null ? "" : edit.line(docId);
    }

    public synchronized void put(String docId, Edit edit) {
        if (file == null) {
            throw new IllegalStateException("metadata edits are kept only with a data folder");
        }
        Edit before = edits.put(docId, edit);
        try {
            save();
        } catch (UncheckedIOException e) { // the file is as it was: so is what the server applies
            if (before == null) {
                edits.remove(docId);
            } else {
                edits.put(docId, before);
            }
            throw e;
        }
    }

    public synchronized void remove(String docId) {
        Edit before = edits.remove(docId);
        if (before != null && file != null) {
            try {
                save();
            } catch (UncheckedIOException e) {
                edits.put(docId, before);
                throw e;
            }
        }
    }

    private void save() {
        StringBuilder out = new StringBuilder("# id\tstatus\tbranchTypes (;)\tregion — written by zhibu's admin page\n");
        edits.forEach((id, e) -> out.append(e.line(id)).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            try {
                Files.writeString(partial, out, StandardCharsets.UTF_8);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the metadata edits could not be saved: " + e.getMessage(), e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
