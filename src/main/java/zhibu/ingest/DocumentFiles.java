package zhibu.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which files of a folder are documents to ingest, by rule: files of the formats zhibu reads, in path order.
 * Hidden files and MANIFEST.tsv are passed over silently; a README, LICENSE or the like, a file of another kind and
 * a link to anything outside the folder are skipped with a sentence saying why. Links are never followed out of
 * the folder, so a link to /etc/passwd in a corpus is not ingested. A file named on its own is taken as it is.
 */
public final class DocumentFiles {
    /** The extensions of the formats zhibu reads. */
    public static final Set<String> EXTENSIONS = Set.of("txt", "text", "md", "markdown", "htm", "html", "shtml",
            "xhtml", "pdf", "docx", "doc", "odt");
    private static final Pattern PROJECT_FILE = Pattern.compile(
            "(?i)(readme|license|licence|changelog|changes|copying|notice|authors|contributing)(\\..*)?");

    private DocumentFiles() {
    }

    /** A file to ingest, or one passed over with the reason ({@code skipped} not null). */
    public record Found(Path file, Reason skipped) {
        public boolean isSkipped() {
            return skipped != null;
        }
    }

    public static List<Found> under(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of(new Found(root, null));
        }
        Path realRoot = root.toRealPath();
        List<Found> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (hidden(file) || name.equals(Manifest.FILE_NAME)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    found.add(link(file, realRoot));
                } else if (attrs.isRegularFile()) {
                    found.add(byRule(file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                found.add(new Found(file, Reason.of(Problem.SKIPPED_UNREADABLE, file, e.getClass().getSimpleName())));
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(f -> f.file().toString()));
        return found;
    }

    private static Found link(Path file, Path realRoot) {
        try {
            Path target = file.toRealPath();
            if (!target.startsWith(realRoot)) {
                return new Found(file, Reason.of(Problem.SKIPPED_LINK_OUT, file));
            }
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                return new Found(file, Reason.of(Problem.SKIPPED_LINK_TO_FOLDER, file));
            }
            return byRule(file);
        } catch (IOException e) {
            return new Found(file, Reason.of(Problem.SKIPPED_BROKEN_LINK, file));
        }
    }

    private static Found byRule(Path file) {
        String name = file.getFileName().toString();
        String extension = FormatDetector.extension(name);
        if (PROJECT_FILE.matcher(name).matches()) {
            return new Found(file, Reason.of(Problem.SKIPPED_PROJECT_FILE, name));
        }
        if (!EXTENSIONS.contains(extension)) {
            return new Found(file, extension.isEmpty() ? Reason.of(Problem.SKIPPED_NO_EXTENSION, name)
                    : Reason.of(Problem.SKIPPED_NOT_A_DOCUMENT, name, extension.toLowerCase(Locale.ROOT)));
        }
        return new Found(file, null);
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }
}
