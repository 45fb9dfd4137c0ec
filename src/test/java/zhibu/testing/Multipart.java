package zhibu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body of files in the field {@code file}, as a browser's upload form sends it. */
public final class Multipart {
    private final String boundary = "zhibu-" + UUID.randomUUID();
    private final List<byte[]> parts = new ArrayList<>();

    public Multipart file(Path file) {
        try {
            return file(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Multipart file(String name, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A")
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        parts.add(head.getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher body() {
        List<byte[]> all = new ArrayList<>(parts);
        all.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArrays(all);
    }
}
