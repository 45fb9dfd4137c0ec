package zhibu.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import zhibu.core.BranchType;
import zhibu.core.DocumentKind;
import zhibu.core.DocumentMetadata;

/**
 * A {@code MANIFEST.tsv} beside the documents (in their folder or a folder above): what it states about a
 * document overrides what was extracted from the content.
 */
public final class Manifest {
    public static final String FILE_NAME = "MANIFEST.tsv";
    private static final int SEARCH_DEPTH = 4;

    /** One row; empty cells are null. {@code appliesTo} is the raw cell, e.g. "各领域; 附件1 高校; 附件2 机关". */
    public record Entry(String path, String kind, String title, String issuer, String docNumber, String date,
                        String status, String region, String appliesTo) {

        public DocumentMetadata applyTo(DocumentMetadata m) {
            return new DocumentMetadata(
                    m.id(),
                    or(title, m.title()),
                    or(issuer, m.issuer()),
                    or(docNumber, m.docNumber()),
                    or(date, m.date()),
                    kind == null ? m.kind() : DocumentKind.fromCode(kind),
                    or(status, m.status()),
                    or(region, m.region()),
                    appliesTo == null ? m.branchTypes() : BranchType.labels(documentBranchTypes(appliesTo)),
                    m.source(),
                    m.sha256());
        }

        private static String or(String manifest, String extracted) {
            return manifest != null ? manifest : extracted;
        }
    }

    private final Path folder;
    private final Map<String, Entry> entries;

    private Manifest(Path folder, Map<String, Entry> entries) {
        this.folder = folder;
        this.entries = entries;
    }

    /** The manifest row for a file, from the nearest MANIFEST.tsv that lists it. */
    public static Optional<Entry> entryFor(Path file) throws IOException {
        Path dir = file.toAbsolutePath().normalize().getParent();
        for (int depth = 0; dir != null && depth < SEARCH_DEPTH; depth++, dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                Optional<Entry> entry = cached(candidate).entry(file);
                if (entry.isPresent()) {
                    return entry;
                }
            }
        }
        return Optional.empty();
    }

    /** A manifest read once per version of its file: a corpus of thousands of files has one manifest for all. */
    private record Read(java.nio.file.attribute.FileTime modified, long size, Manifest manifest) {
    }

    private static final Map<Path, Read> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHED_MANIFESTS = 64;

    private static Manifest cached(Path manifestFile) throws IOException {
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(manifestFile);
        long size = Files.size(manifestFile);
        Read known = CACHE.get(manifestFile);
        if (known != null && known.modified().equals(modified) && known.size() == size) {
            return known.manifest();
        }
        if (CACHE.size() >= CACHED_MANIFESTS) {
            CACHE.clear();
        }
        Manifest manifest = read(manifestFile);
        CACHE.put(manifestFile, new Read(modified, size, manifest));
        return manifest;
    }

    public static Manifest read(Path manifestFile) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        List<String> lines = Files.readAllLines(manifestFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return new Manifest(manifestFile.getParent(), entries);
        }
        List<String> header = List.of(lines.get(0).split("\t", -1));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size() && i < cells.length; i++) {
                String cell = cells[i].strip();
                row.put(header.get(i).strip(), cell.isEmpty() ? null : cell);
            }
            String path = row.get("path");
            if (path != null) {
                entries.put(path, new Entry(path, row.get("kind"), row.get("title"), row.get("issuer"),
                        row.get("doc_number"), row.get("date"), row.get("status"), row.get("region"),
                        row.get("applies_to")));
            }
        }
        return new Manifest(manifestFile.getParent(), entries);
    }

    public Optional<Entry> entry(Path file) {
        Path relative = folder.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        return Optional.ofNullable(entries.get(relative.toString().replace('\\', '/')));
    }

    /** The branch types of the document as a whole: the first scope of applies_to that names no attachment. */
    static Set<BranchType> documentBranchTypes(String appliesTo) {
        for (String scope : appliesTo.split("[;；]")) {
            String s = scope.strip();
            if (!s.startsWith("附件")) {
                return parseTypes(s);
            }
        }
        return EnumSet.allOf(BranchType.class);
    }

    /** "各领域" or "全部" → every type; otherwise the labels named ("机关", "农村 社区"). */
    public static Set<BranchType> parseTypes(String s) {
        if (s.contains("各领域") || s.contains("全部") || s.isBlank()) {
            return EnumSet.allOf(BranchType.class);
        }
        Set<BranchType> types = EnumSet.noneOf(BranchType.class);
        for (String word : s.split("[\\s,，、/]+")) {
            BranchType.fromLabel(word).ifPresent(types::add);
        }
        return types.isEmpty() ? EnumSet.allOf(BranchType.class) : types;
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }
}
