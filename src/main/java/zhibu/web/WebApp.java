package zhibu.web;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import zhibu.index.ZhibuIndex;
import zhibu.library.Library;
import zhibu.library.Suggester;
import zhibu.search.SearchService;

/** The site and the API over one index; start on a port (0: any free one). */
public final class WebApp {
    private final Javalin javalin;

    public WebApp(ZhibuIndex index, Path webFolder) throws IOException {
        if (!Files.isRegularFile(webFolder.resolve("index.html"))) {
            throw new IOException("the site folder " + webFolder + " has no index.html");
        }
        Library library = new Library(index);
        SearchService search = new SearchService(index);
        ApiHandlers api = new ApiHandlers(library, search, new Suggester(library));
        SitePages pages = new SitePages(webFolder);
        this.javalin = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(JsonSupport.MAPPER, false));
            config.startup.showJavalinBanner = false;
            Routes.declare(config, api, pages);
        });
    }

    public WebApp start(int port) {
        javalin.start(port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    public void stop() {
        javalin.stop();
    }
}
