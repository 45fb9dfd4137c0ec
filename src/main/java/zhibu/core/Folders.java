package zhibu.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.file.PathUtils;

/** Folders as a whole. */
public final class Folders {
    private Folders() {
    }

    /** Deletes a file or a folder with all under it; nothing when it does not exist. */
    public static void deleteTree(Path path) throws IOException {
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            PathUtils.delete(path);
        }
    }
}
