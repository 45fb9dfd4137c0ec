package zhibu.packs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A course pack as the API answers it: {@code id, title, audience, description, version, items}, when it was made
 * and last changed, and (only in the answer to its creation) its {@code editToken}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pack(String id, String title, String audience, String description, int version, List<PackItem> items,
                   String created, String updated, String editToken) {
    public Pack {
        items = List.copyOf(items);
    }

    public Pack withEditToken(String token) {
        return new Pack(id, title, audience, description, version, items, created, updated, token);
    }
}
