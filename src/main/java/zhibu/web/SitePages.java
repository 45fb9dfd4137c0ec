package zhibu.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The site's pages: one HTML shell for every page path; web/app.js renders the page from the path. */
final class SitePages {
    private final Path folder;
    private final String shell;

    SitePages(Path folder) throws IOException {
        this.folder = folder.toAbsolutePath().normalize();
        this.shell = Files.readString(this.folder.resolve("index.html"));
    }

    Path folder() {
        return folder;
    }

    void shell(Context ctx) {
        ctx.html(shell);
    }
}
