package zhibu.packs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The files a pack is exported as, each with its media type and extension. */
public enum PackFormat {
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    MD("text/markdown; charset=utf-8", "md"),
    HTML("text/html; charset=utf-8", "html");

    private final String mediaType;
    private final String extension;

    PackFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Files to save rather than pages to open. */
    public boolean download() {
        return this != HTML;
    }

    public static Optional<PackFormat> of(String label) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(label.toLowerCase(Locale.ROOT))).findFirst();
    }

    public byte[] render(Pack pack) throws IOException {
        LocalDate today = LocalDate.now();
        return switch (this) {
            case DOCX -> PackWriters.docx(pack, today);
            case MD -> PackWriters.markdown(pack, today).getBytes(StandardCharsets.UTF_8);
            case HTML -> PackWriters.html(pack, today).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** 三会一课 专题课程包.docx, with characters a file system refuses replaced. */
    public String fileName(Pack pack) {
        return pack.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "." + extension;
    }
}
