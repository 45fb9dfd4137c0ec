package zhibu.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import zhibu.index.IngestOutcome;
import zhibu.index.ZhibuIndex;
import zhibu.web.WebApp;

/**
 * The real server on a random port over a real index of the corpus (plus one hostile document whose text holds
 * markup) in a temporary folder.
 */
public final class RunningSite implements AutoCloseable {
    public static final String HOSTILE_MARKUP = "<img src=x onerror=alert(1)>";
    private final ZhibuIndex index;
    private final WebApp app;
    private final HttpClient http = HttpClient.newHttpClient();

    public RunningSite(Path folder) throws IOException {
        Path extra = Files.createDirectories(folder.resolve("extra"));
        Files.writeString(extra.resolve("hostile.txt"), "关于测试转义的通知\n\n一、测试条文。党员大会每季度召开一次，"
                + HOSTILE_MARKUP + "不应执行。\n", StandardCharsets.UTF_8);
        index = ZhibuIndex.open(folder.resolve("index"), zhibu.testing.TestVectors.shared());
        List<IngestOutcome> outcomes = index.ingest(List.of(Paths.CORPUS, extra));
        if (outcomes.stream().anyMatch(IngestOutcome::failed)) {
            throw new IllegalStateException("ingest failed: " + outcomes);
        }
        app = new WebApp(index, Path.of("web")).start(0);
    }

    public String base() {
        return "http://localhost:" + app.port();
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        app.stop();
        index.close();
    }
}
