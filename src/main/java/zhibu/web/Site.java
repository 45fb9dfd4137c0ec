package zhibu.web;

import java.nio.file.Path;
import zhibu.index.ZhibuIndex;
import zhibu.ingest.MetadataEdits;
import zhibu.packs.PackStore;

/**
 * What the web app serves and how: the index, the site's files, the data folder (originals, corrections, audit log;
 * null: no administration), the administrator's token (null: the write routes answer 401), the local token of the
 * server file, the largest upload, and the course packs' store (null: no packs).
 */
public record Site(ZhibuIndex index, Path web, Path data, String adminToken, String localToken, long maxUploadBytes,
                   MetadataEdits edits, PackStore packs) {
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 50L << 20;

    /** A read-only site: search and pages, no administration. */
    public static Site of(ZhibuIndex index, Path web) {
        return new Site(index, web, null, null, null, DEFAULT_MAX_UPLOAD_BYTES, MetadataEdits.none(), null);
    }
}
