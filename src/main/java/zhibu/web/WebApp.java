package zhibu.web;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import zhibu.library.Library;
import zhibu.library.Suggester;
import zhibu.search.SearchService;

/** The site and the API over one index; start on a host and port (0: any free one). */
public final class WebApp {
    /** Where the server listens unless told: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    private final Javalin javalin;
    private final ApiHandlers api;

    public WebApp(Site site) throws IOException {
        if (!Files.isRegularFile(site.web().resolve("index.html"))) {
            throw new IOException("the site folder " + site.web() + " has no index.html");
        }
        Library library = new Library(site.index());
        SearchService search = new SearchService(site.index());
        Suggester suggester = new Suggester(library);
        this.api = new ApiHandlers(library, search, suggester);
        AdminHandlers admin = new AdminHandlers(site, library, () -> {
            try {
                suggester.refresh(library);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        PackHandlers packs = new PackHandlers(site.packs(), library, search);
        SitePages pages = new SitePages(site.web());
        Path uploads = site.data() == null ? null : site.data().resolve("tmp");
        if (uploads != null) {
            Files.createDirectories(uploads);
            removeLeftovers(uploads, site.data().resolve("originals"));
        }
        this.javalin = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(JsonSupport.MAPPER, false));
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = JsonSupport.MAX_BODY_BYTES; // JSON bodies; uploads are multipart, below
            UploadForm.configure(config.jetty.multipartConfig, uploads, site.maxUploadBytes());
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors()));
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            Routes.declare(config, api, admin, packs, pages);
        });
    }

    /**
     * Upload parts a killed server left behind: Jetty's multipart files and originals half written. A data folder
     * belongs to one server (ServeCommand makes sure), so whatever is there now is nobody's.
     */
    private static void removeLeftovers(Path uploads, Path originals) throws IOException {
        try (var parts = Files.list(uploads)) {
            for (Path p : parts.toList()) {
                Files.deleteIfExists(p);
            }
        }
        if (Files.isDirectory(originals)) {
            try (var parts = Files.newDirectoryStream(originals, "upload-*.part")) {
                for (Path p : parts) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A read-only site over an index (tests, tools). */
    public WebApp(zhibu.index.ZhibuIndex index, Path web) throws IOException {
        this(Site.of(index, web));
    }

    /**
     * Loads the classes a site is built from by building one that is never started, so that a server can do it
     * on another thread while its index opens.
     */
    public static void loadClasses() {
        try {
            Javalin.create(config -> {
                config.jsonMapper(new JavalinJackson(JsonSupport.MAPPER, false));
                config.startup.showJavalinBanner = false;
                config.routes.get("/", ctx -> ctx.result(""));
            });
        } catch (RuntimeException e) {
            // only an optimisation: the real site loads what is missing
        }
    }

    /** Listens, then works out in the background what only some requests need (they wait for it). */
    public WebApp start(String host, int port) {
        javalin.start(host, port);
        api.prepareInBackground();
        return this;
    }

    public WebApp start(int port) {
        return start(LOOPBACK, port);
    }

    public int port() {
        return javalin.port();
    }

    public void stop() {
        javalin.stop();
    }
}
