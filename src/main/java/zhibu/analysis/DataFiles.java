package zhibu.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The analysis data files under {@code src/main/resources/zhibu}: non-blank lines, comments (#) left out. */
final class DataFiles {
    private DataFiles() {
    }

    static List<String> lines(String name) {
        try (InputStream in = DataFiles.class.getResourceAsStream("/zhibu/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the data file zhibu/" + name + " is missing from the classpath");
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return String.join("\n", lines(name)) + "\n";
    }
}
