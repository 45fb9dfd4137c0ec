package zhibu.packs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import zhibu.admin.Tokens;
import zhibu.packs.PackException.Problem;

/**
 * Course packs in the database. A pack is changed only with its edit token (kept as a hash) and the version the
 * editor read: the update is conditional on both, so of two editors of one version the second gets a conflict
 * instead of overwriting the first.
 */
public final class PackStore {
    private final Database db;

    public PackStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** Stores a new pack (items resolved) and answers it with its edit token, the only time the token is shown. */
    public Pack create(PackDraft draft) {
        String id = Tokens.random(8);
        String token = Tokens.random(24);
        String now = Instant.now().toString();
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pack (id, title, audience, description, version,"
                    + " token_hash, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, draft.title());
                s.setString(3, draft.audience());
                s.setString(4, draft.description());
                s.setString(5, HexFormat.of().formatHex(Tokens.hash(token)));
                s.setString(6, now);
                s.setString(7, now);
                s.executeUpdate();
            }
            insertItems(c, id, draft.items());
            return null;
        });
        return new Pack(id, draft.title(), draft.audience(), draft.description(), 1, draft.items(), now, now, token);
    }

    public Optional<Pack> find(String id) {
        return db.transaction(c -> read(c, id));
    }

    /** Replaces the pack's fields and items when the token is its own and the version the current one. */
    public Pack update(String id, String token, int version, PackDraft draft) {
        String now = Instant.now().toString();
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE pack SET title = ?, audience = ?, description = ?,"
                    + " version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND token_hash = ?")) {
                s.setString(1, draft.title());
                s.setString(2, draft.audience());
                s.setString(3, draft.description());
                s.setString(4, now);
                s.setString(5, id);
                s.setInt(6, version);
                s.setString(7, tokenHash(token));
                if (s.executeUpdate() == 0) {
                    throw refusal(c, id, token, version);
                }
            }
            deleteItems(c, id);
            insertItems(c, id, draft.items());
            return read(c, id).orElseThrow();
        });
    }

    /** Removes the pack when the token is its own and the version the current one. */
    public void delete(String id, String token, int version) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM pack WHERE id = ? AND version = ? AND token_hash = ?")) {
                s.setString(1, id);
                s.setInt(2, version);
                s.setString(3, tokenHash(token));
                if (s.executeUpdate() == 0) {
                    throw refusal(c, id, token, version);
                }
            }
            deleteItems(c, id);
            return null;
        });
    }

    /** The packs' tables and their columns, in the order rows are put back (a pack before its items). */
    static final java.util.Map<String, List<String>> TABLES = java.util.Map.of(
            "pack", List.of("id", "title", "audience", "description", "version", "token_hash", "created_at", "updated_at"),
            "pack_item", List.of("pack_id", "position", "type", "ref_id", "title", "text", "citation"));
    private static final List<String> ORDER = List.of("pack", "pack_item");

    /** Every row of the packs' tables as column → value (text or a number), by table: what a backup holds. */
    public record Snapshot(java.util.Map<String, List<java.util.Map<String, Object>>> tables) {
        public int packs() {
            return tables.getOrDefault("pack", List.of()).size();
        }

        public int items() {
            return tables.getOrDefault("pack_item", List.of()).size();
        }
    }

    /** Every pack and item as they stand at one moment, however many are being saved meanwhile. */
    public Snapshot snapshot() {
        return db.snapshot(c -> {
            java.util.Map<String, List<java.util.Map<String, Object>>> tables = new java.util.LinkedHashMap<>();
            for (String table : ORDER) {
                List<String> columns = TABLES.get(table);
                List<java.util.Map<String, Object>> rows = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT " + String.join(", ", columns) + " FROM " + table
                        + " ORDER BY " + columns.get(0) + (table.equals("pack_item") ? ", position" : ""));
                     ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                        for (int i = 0; i < columns.size(); i++) {
                            Object value = r.getObject(i + 1);
                            row.put(columns.get(i), value instanceof Number n ? (Object) n.longValue() : value);
                        }
                        rows.add(row);
                    }
                }
                tables.put(table, rows);
            }
            return new Snapshot(tables);
        });
    }

    /** Replaces every pack by those of a snapshot, in one transaction; answers the packs and items now stored. */
    public int[] replaceAll(Snapshot snapshot) {
        return db.transaction(c -> {
            for (String table : ORDER.reversed()) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table)) {
                    s.executeUpdate();
                }
            }
            for (String table : ORDER) {
                List<String> columns = TABLES.get(table);
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                        + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")")) {
                    for (java.util.Map<String, Object> row : snapshot.tables().getOrDefault(table, List.of())) {
                        for (int i = 0; i < columns.size(); i++) {
                            Object value = row.get(columns.get(i));
                            if (value instanceof Number n) {
                                s.setLong(i + 1, n.longValue());
                            } else {
                                s.setString(i + 1, value == null ? null : value.toString());
                            }
                        }
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            int[] counts = new int[2];
            for (int t = 0; t < ORDER.size(); t++) {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + ORDER.get(t));
                     ResultSet r = s.executeQuery()) {
                    r.next();
                    counts[t] = r.getInt(1);
                }
            }
            return counts;
        });
    }

    /** How many packs there are (health, tests). */
    public int count() {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM pack"); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    /** Why a conditional change touched no row: no such pack (404), not its token (401), or not its version (409). */
    private static PackException refusal(Connection c, String id, String token, int version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT token_hash, version FROM pack WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return new PackException(Problem.NOT_FOUND, "没有编号为 " + id + " 的课程包。");
                }
                if (token == null || token.isBlank()) {
                    return new PackException(Problem.NO_TOKEN, "修改课程包需要它的编辑令牌：请在请求头 Authorization 中给出 Bearer 令牌。");
                }
                if (!Tokens.matches(token, HexFormat.of().parseHex(r.getString(1)))) {
                    return new PackException(Problem.NO_TOKEN, "编辑令牌不正确：只有创建这个课程包的浏览器可以修改它。");
                }
                return new PackException(Problem.STALE, "课程包已被修改（当前为第 " + r.getInt(2) + " 版，你修改的是第 "
                        + version + " 版），请重新打开后再改，以免覆盖别人的修改。");
            }
        }
    }

    private static String tokenHash(String token) {
        return token == null || token.isBlank() ? "" : HexFormat.of().formatHex(Tokens.hash(token.strip()));
    }

    private static void deleteItems(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM pack_item WHERE pack_id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    private static void insertItems(Connection c, String id, List<PackItem> items) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO pack_item (pack_id, position, type, ref_id, title,"
                + " text, citation) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < items.size(); i++) {
                PackItem item = items.get(i);
                s.setString(1, id);
                s.setInt(2, i);
                s.setString(3, item.type().label());
                s.setString(4, item.id());
                s.setString(5, item.title());
                s.setString(6, item.text());
                s.setString(7, item.citation());
                s.addBatch();
            }
            if (!items.isEmpty()) {
                s.executeBatch();
            }
        }
    }

    private static Optional<Pack> read(Connection c, String id) throws SQLException {
        String title;
        String audience;
        String description;
        int version;
        String created;
        String updated;
        try (PreparedStatement s = c.prepareStatement("SELECT title, audience, description, version, created_at,"
                + " updated_at FROM pack WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                title = r.getString(1);
                audience = r.getString(2);
                description = r.getString(3);
                version = r.getInt(4);
                created = r.getString(5);
                updated = r.getString(6);
            }
        }
        List<PackItem> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT type, ref_id, title, text, citation FROM pack_item"
                + " WHERE pack_id = ? ORDER BY position")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ItemType type = ItemType.of(r.getString(1)).orElseThrow();
                    items.add(new PackItem(type, r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            PackItems.rows(type, r.getString(4))));
                }
            }
        }
        return Optional.of(new Pack(id, title, audience, description, version, items, created, updated, null));
    }
}
