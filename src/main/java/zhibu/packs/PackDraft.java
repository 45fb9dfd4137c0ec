package zhibu.packs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import zhibu.core.BranchType;

/**
 * What a request asks a pack to be, checked against the limits: a title (1–100 characters), an audience (a branch
 * type, or none), a description (up to 2000), and up to 300 items, each a clause or case by id, or a heading (up to
 * 200) or note (up to 5000) by text; no control characters (line breaks only in a description or note). Every
 * refusal is one sentence naming the field.
 */
public record PackDraft(String title, String audience, String description, List<PackItem> items) {
    public static final int MAX_TITLE = 100;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_HEADING = 200;
    public static final int MAX_NOTE = 5000;
    public static final int MAX_ITEMS = 300;
    private static final String TYPES = String.join("、", BranchType.labels(Arrays.asList(BranchType.values())));

    public PackDraft {
        items = List.copyOf(items);
    }

    /** The draft a JSON body states; {@code title} may be left out (a new pack is 未命名课程包). */
    public static PackDraft from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("请求体应为 JSON 对象，例如 {\"title\": \"三会一课\", \"items\": []}。");
        }
        String title = text(body, "title", MAX_TITLE);
        if (title == null || title.isBlank()) {
            title = "未命名课程包";
        }
        String audience = text(body, "audience", 20);
        if (audience != null && audience.isBlank()) {
            audience = null;
        }
        if (audience != null && BranchType.fromLabel(audience).isEmpty()) {
            throw invalid("字段 audience 应为以下之一：" + TYPES + "，或留空。");
        }
        String description = text(body, "description", MAX_DESCRIPTION);
        JsonNode items = body.get("items");
        List<PackItem> out = new ArrayList<>();
        if (items != null && !items.isNull()) {
            if (!items.isArray()) {
                throw invalid("字段 items 应为数组。");
            }
            if (items.size() > MAX_ITEMS) {
                throw invalid("一个课程包最多 " + MAX_ITEMS + " 项，这里有 " + items.size() + " 项。");
            }
            for (int i = 0; i < items.size(); i++) {
                out.add(item(items.get(i), i + 1));
            }
        }
        return new PackDraft(title.strip(), audience, description == null ? "" : description.strip(), out);
    }

    private static PackItem item(JsonNode node, int n) {
        String where = "第 " + n + " 项";
        if (node == null || !node.isObject()) {
            throw invalid(where + "应为对象，如 {\"type\": \"clause\", \"id\": \"…\"}。");
        }
        JsonNode typeNode = node.get("type");
        ItemType type = ItemType.of(typeNode == null ? "" : typeNode.asText())
                .orElseThrow(() -> invalid(where + "的 type 应为 clause、case、heading 或 note。"));
        if (type.cited()) {
            JsonNode id = node.get("id");
            if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > 200) {
                throw invalid(where + "是" + (type == ItemType.CLAUSE ? "条文" : "案例") + "，需要给出它的 id。");
            }
            refuseControls(where + "的 id", id.asText(), false);
            return PackItem.reference(type, id.asText().strip());
        }
        int max = type == ItemType.HEADING ? MAX_HEADING : MAX_NOTE;
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw invalid(where + "是" + (type == ItemType.HEADING ? "标题" : "备注") + "，需要给出 text。");
        }
        refuseControls(where + "的" + (type == ItemType.HEADING ? "标题" : "备注"), text.asText(), type == ItemType.NOTE);
        if (text.asText().length() > max) {
            throw invalid(where + "的" + (type == ItemType.HEADING ? "标题" : "备注") + "过长：最多 " + max + " 个字，这里有 "
                    + text.asText().length() + " 个。");
        }
        return type == ItemType.HEADING ? PackItem.heading(text.asText().strip()) : PackItem.note(text.asText().strip());
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid("字段 " + field + " 应为文字。");
        }
        refuseControls("字段 " + field + " ", node.asText(), field.equals("description"));
        if (node.asText().length() > max) {
            throw invalid("字段 " + field + " 过长：最多 " + max + " 个字，这里有 " + node.asText().length() + " 个。");
        }
        return node.asText();
    }

    /**
     * Refuses control characters (U+0000 and the like), which one database stores and another refuses; line breaks
     * and tabs are text in a description or note.
     */
    private static void refuseControls(String what, String value, boolean lines) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c == 0x7f) && !(lines && (c == '\n' || c == '\r' || c == '\t'))) {
                throw invalid(what + "含有控制字符（U+" + String.format("%04X", (int) c) + "），请去掉它。");
            }
        }
    }

    static PackException invalid(String sentence) {
        return new PackException(PackException.Problem.INVALID, sentence);
    }

    public PackDraft withItems(List<PackItem> resolved) {
        return new PackDraft(title, audience, description, resolved);
    }
}
