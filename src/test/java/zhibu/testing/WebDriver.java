package zhibu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Just enough of the W3C WebDriver protocol to drive Debian's headless Chromium through chromedriver: open pages,
 * find elements by CSS, click, type, read text, run a script, take screenshots. Selenium would bring dozens of
 * jars for these dozen calls.
 */
public final class WebDriver implements AutoCloseable {
    public static final String ENTER = "\uE007";
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Path profile;

    /** A browsing session; {@code mobileWidth} > 0 emulates a phone screen of that many CSS pixels. */
    public WebDriver(int mobileWidth) throws IOException, InterruptedException {
        Path chromedriver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        Path chromium = firstExisting("/usr/bin/chromium", "/usr/lib/chromium/chromium");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        profile = Files.createTempDirectory("zhibu-chromium");
        waitUntil(this::driverReady, Duration.ofSeconds(20), "chromedriver did not start");
        ObjectNode options = JSON.createObjectNode();
        options.put("binary", chromium.toString());
        options.set("args", JSON.valueToTree(List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000")));
        if (mobileWidth > 0) {
            options.set("mobileEmulation", JSON.valueToTree(Map.of("deviceMetrics",
                    Map.of("width", mobileWidth, "height", 800, "pixelRatio", 2))));
        }
        ObjectNode caps = JSON.createObjectNode();
        caps.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                .set("goog:chromeOptions", options);
        JsonNode session = call("POST", "/session", caps);
        sessionPath = "/session/" + session.at("/value/sessionId").asText();
    }

    private String sessionPath;

    public static Path firstExisting(String... candidates) {
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("none of " + String.join(", ", candidates)
                + " exists: install Debian's chromium and chromium-driver (.ci/run does)");
    }

    public void open(String url) throws IOException {
        call("POST", sessionPath + "/url", Map.of("url", url));
    }

    public String currentUrl() throws IOException {
        return call("GET", sessionPath + "/url", null).get("value").asText();
    }

    /** The elements matching a CSS selector now (possibly none). */
    public List<String> findAll(String css) throws IOException {
        JsonNode found = call("POST", sessionPath + "/elements", Map.of("using", "css selector", "value", css));
        List<String> ids = new ArrayList<>();
        found.get("value").forEach(e -> ids.add(e.get(ELEMENT).asText()));
        return ids;
    }

    /** The first element matching, waiting up to ten seconds for it to appear. */
    public String find(String css) throws IOException {
        List<String> ids = waitFor(() -> {
            try {
                List<String> all = findAll(css);
                return all.isEmpty() ? null : all;
            } catch (IOException e) {
                return null;
            }
        }, "no element matches " + css);
        return ids.get(0);
    }

    /** The first element matching {@code css} whose text satisfies {@code test}, waiting up to ten seconds. */
    public String findWhere(String css, java.util.function.Predicate<String> test, String message) {
        return waitFor(() -> {
            try {
                for (String element : findAll(css)) {
                    if (test.test(text(element))) {
                        return element;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }, message);
    }

    public String text(String element) throws IOException {
        return call("GET", sessionPath + "/element/" + element + "/text", null).get("value").asText();
    }

    public String attribute(String element, String name) throws IOException {
        JsonNode v = call("GET", sessionPath + "/element/" + element + "/attribute/" + name, null).get("value");
        return v.isNull() ? null : v.asText();
    }

    public void click(String element) throws IOException {
        call("POST", sessionPath + "/element/" + element + "/click", Map.of());
    }

    public void type(String element, String keys) throws IOException {
        call("POST", sessionPath + "/element/" + element + "/value", Map.of("text", keys));
    }

    public JsonNode script(String js, Object... args) throws IOException {
        return call("POST", sessionPath + "/execute/sync", Map.of("script", js, "args", List.of(args))).get("value");
    }

    /** Sets the window's outer size, e.g. to an A4 page's width for a print view. */
    public void windowSize(int width, int height) throws IOException {
        call("POST", sessionPath + "/window/rect", Map.of("width", width, "height", height));
    }

    /** The page printed to PDF by the browser (A4, landscape when asked), as WebDriver's print command does it. */
    public byte[] printPdf(boolean landscape) throws IOException {
        String pdf = call("POST", sessionPath + "/print", Map.of("orientation", landscape ? "landscape" : "portrait",
                "page", Map.of("width", 21.0, "height", 29.7), "background", true)).get("value").asText();
        return Base64.getDecoder().decode(pdf);
    }

    public void screenshot(Path file) throws IOException {
        String png = call("GET", sessionPath + "/screenshot", null).get("value").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    /** Polls until the supplier gives a non-null, non-false value; fails with {@code message} after ten seconds. */
    public <T> T waitFor(Supplier<T> condition, String message) {
        return waitUntil(condition, Duration.ofSeconds(10), message);
    }

    /** As {@link #waitFor(Supplier, String)}, for something that takes longer (a file read and indexed). */
    public <T> T waitFor(Supplier<T> condition, Duration limit, String message) {
        return waitUntil(condition, limit, message);
    }

    /** Accepts the page's confirm() or alert() dialog once it shows. */
    public void acceptDialog() {
        waitFor(() -> {
            try {
                call("POST", sessionPath + "/alert/accept", Map.of());
                return true;
            } catch (IOException e) {
                return null;
            }
        }, "no dialog appeared");
    }

    private static <T> T waitUntil(Supplier<T> condition, Duration limit, String message) {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            T value = condition.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(message);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(message, e);
            }
        }
    }

    private Boolean driverReady() {
        try {
            return call("GET", "/status", null).at("/value/ready").asBoolean();
        } catch (IOException e) {
            return false;
        }
    }

    private JsonNode call(String method, String path, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new IOException("webdriver " + method + " " + path + ": " + json.at("/value/message").asText());
            }
            return json;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (sessionPath != null) {
                call("DELETE", sessionPath, null);
            }
        } catch (IOException ignored) {
            // the driver goes down next anyway
        }
        driver.destroy();
    }
}
