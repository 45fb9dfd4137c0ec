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
import zhibu.ingest.MetadataEdits;
import zhibu.packs.Database;
import zhibu.packs.PackStore;
import zhibu.web.Site;
import zhibu.web.WebApp;

/**
 * The real server on a random port over a real index of the corpus (plus one hostile document whose text holds
 * markup) in a temporary folder.
 */
public final class RunningSite implements AutoCloseable {
    public static final String HOSTILE_MARKUP = "<img src=x onerror=alert(1)>";
    public static final String ADMIN_TOKEN = "test-admin-token-5f2c9e81";
    private final Path data;
    private final MetadataEdits edits;
    private final ZhibuIndex index;
    private final WebApp app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final PackStore packs;

    public RunningSite(Path folder) throws IOException {
        this(folder, Site.DEFAULT_MAX_UPLOAD_BYTES);
    }

    /** The site with its data folder, an administrator's token and the largest upload. */
    public RunningSite(Path folder, long maxUploadBytes) throws IOException {
        this.data = Files.createDirectories(folder.resolve("data"));
        this.edits = MetadataEdits.open(data.resolve("metadata-edits.tsv"));
        Path extra = Files.createDirectories(folder.resolve("extra"));
        Files.writeString(extra.resolve("hostile.txt"), "关于测试转义的通知\n\n一、测试条文。党员大会每季度召开一次，"
                + HOSTILE_MARKUP + "不应执行。\n", StandardCharsets.UTF_8);
        index = ZhibuIndex.open(folder.resolve("index"), zhibu.testing.TestVectors.shared(),
                zhibu.index.Ingestion.forked(edits));
        List<IngestOutcome> outcomes = index.ingest(List.of(Paths.CORPUS, extra));
        if (outcomes.stream().anyMatch(IngestOutcome::failed)) {
            throw new IllegalStateException("ingest failed: " + outcomes);
        }
        packs = new PackStore(Database.inFolder(data));
        app = new WebApp(new Site(index, Path.of("web"), data, ADMIN_TOKEN, null, maxUploadBytes, edits, packs)).start(0);
    }

    public PackStore packs() {
        return packs;
    }

    public Path data() {
        return data;
    }

    public ZhibuIndex index() {
        return index;
    }

    public String base() {
        return "http://localhost:" + app.port();
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<byte[]> bytes(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends a JSON body to the site, with {@code token} as the bearer when it is not null. */
    public HttpResponse<String> json(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), "application/json", token);
    }

    /** Sends a request to the site, with {@code token} as the bearer when it is not null. */
    public HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType,
                                     String token) throws IOException, InterruptedException {
        // a body waits for the server's 100 Continue, as curl's large uploads do: the server answers a refused
        // upload (401, 413) without reading it and closes, and a client still sending then loses that answer
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).method(method, body)
                .expectContinue(body.contentLength() != 0);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Uploads files to POST /api/documents as the administrator. */
    public HttpResponse<String> upload(Multipart files) throws IOException, InterruptedException {
        return send("POST", "/api/documents", files.body(), files.contentType(), ADMIN_TOKEN);
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
