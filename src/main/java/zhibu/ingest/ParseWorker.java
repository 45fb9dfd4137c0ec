package zhibu.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child process {@link ForkedParser} runs: reads one request a line on standard input ({@code {"path": …,
 * "manifest": true}}), answers one line on standard output ({@code {"document": …}} or {@code {"error": {"problem": …, "args": […]}}}).
 * Whatever a parser library prints goes to standard error, so it cannot break the exchange. It runs with a small
 * heap and exits on running out of it; its parent stops it when a file takes too long.
 */
public final class ParseWorker {
    private ParseWorker() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ObjectMapper json = new ObjectMapper();
        DocumentReader withManifest = new DocumentReader(true);
        DocumentReader withoutManifest = new DocumentReader(false);
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = requests.readLine()) != null; ) {
            Map<String, Object> answer = new LinkedHashMap<>();
            Path file = null;
            try {
                JsonNode request = json.readTree(line);
                file = Path.of(request.path("path").asText());
                DocumentReader reader = request.path("manifest").asBoolean(true) ? withManifest : withoutManifest;
                answer.put("document", reader.read(file, request.path("name").asText(file.getFileName().toString())));
            } catch (IngestException e) {
                answer.put("error", e.reason());
            } catch (StackOverflowError e) {
                answer.put("error", Reason.of(Problem.TOO_DEEP, name(file)));
            } catch (Exception | LinkageError e) {
                answer.put("error", Reason.of(Problem.UNREADABLE_BY, name(file), e.getClass().getSimpleName()));
            }
            protocol.println(json.writeValueAsString(answer));
            protocol.flush();
        }
    }

    private static String name(Path file) {
        return file == null ? "the file" : file.getFileName().toString();
    }
}
