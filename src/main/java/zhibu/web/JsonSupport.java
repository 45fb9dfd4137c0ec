package zhibu.web;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON mapper of the API (Jackson, UTF-8, no indentation). */
final class JsonSupport {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSupport() {
    }
}
