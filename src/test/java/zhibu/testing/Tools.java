package zhibu.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Other programs that open the files zhibu writes: Debian's python3 (python-docx, openpyxl) and LibreOffice. */
public final class Tools {
    /** Debian's python3, where python3-docx and python3-openpyxl install, before whatever python3 PATH finds first. */
    public static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    private Tools() {
    }

    /** Runs a command to its end (two minutes at most) and answers its output; a non-zero exit fails the test. */
    public static String run(Path workDir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes(); // read to the end before waiting: no deadlock on a full pipe
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + text);
        return text;
    }

    /** LibreOffice's PDF of a document, written beside it. */
    public static Path pdfOf(Path document) throws IOException, InterruptedException {
        Paths.requireTool("libreoffice-writer-nogui", "soffice", "--version");
        Path dir = document.getParent();
        Path profile = Files.createDirectories(dir.resolve("lo-profile"));
        run(dir, "soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--convert-to", "pdf",
                "--outdir", dir.toString(), document.toString());
        String name = document.getFileName().toString();
        return dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
    }
}
